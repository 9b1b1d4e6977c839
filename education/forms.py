from django import forms

from education.models import Feedback


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(
        label="Was this page helpful?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes or no",
            "invalid_choice": "Select yes or no",
        },
    )
    reason = forms.CharField(
        label="If not, what was missing or unclear? (optional)",
        help_text="Do not include your name, contact details or anything about your health.",
        required=False,
        max_length=Feedback.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": f"Keep it under {Feedback.REASON_MAX_LENGTH} characters",
        },
    )
    use_required_attribute = False

    def save(self, article):
        return Feedback.objects.create(
            article=article,
            helpful=self.cleaned_data["helpful"] == "yes",
            reason=self.cleaned_data["reason"].strip(),
        )
