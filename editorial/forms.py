from django import forms


class SubmitForm(forms.Form):
    note = forms.CharField(
        label="Note for the clinical reviewer",
        help_text="What changed and why, and anything the reviewer should check.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter a note for the clinical reviewer."},
    )


class DecisionForm(forms.Form):
    """The reviewer's decision, from the button they press; sending back needs a comment."""

    APPROVE, SEND_BACK, NO_CHANGES = "approve", "send_back", "no_changes"

    decision = forms.ChoiceField(
        choices=[
            (APPROVE, "Approve"),
            (SEND_BACK, "Send back"),
            (NO_CHANGES, "Mark as reviewed, no changes"),
        ]
    )
    comment = forms.CharField(
        label="Your comment",
        help_text="Required when you send a draft back: say what needs to change.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    # The draft's save count the reviewer saw; a later save means they have not read it.
    saves = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # A sign-off dates the whole page, not only the words that changed.
    reviewed_whole_page = forms.BooleanField(
        label="I have reviewed the whole page, not only the changes",
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.SEND_BACK and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Enter a comment saying what needs to change.")
        if decision == self.APPROVE and not cleaned.get("reviewed_whole_page"):
            self.add_error(
                "reviewed_whole_page",
                "Confirm that you have reviewed the whole page: approving signs off all of it.",
            )
        return cleaned
