from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from education.models import Feedback
from education.search import MAX_QUERY_LENGTH


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(
        label=_("Was this page helpful?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],  # No first, as in every question
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Select yes or no"),
            "invalid_choice": _("Select yes or no"),
        },
    )
    reason = forms.CharField(
        label=_("If not, what was missing or unclear? (optional)"),
        help_text=_("Do not include your name, contact details or anything about your health."),
        required=False,
        max_length=Feedback.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
        error_messages={
            "max_length": format_lazy(_("Keep it under {} characters"), Feedback.REASON_MAX_LENGTH),
        },
    )
    use_required_attribute = False

    def save(self, article):
        return Feedback.objects.create(
            article=article,
            helpful=self.cleaned_data["helpful"] == "yes",
            reason=self.cleaned_data["reason"].strip(),
        )


class SearchForm(forms.Form):
    """The search page's box. It is never checked: the search reads the query itself and
    cuts it to length, so the form only draws the box."""

    box_attrs = {"id": "search-page-query", "class": "form-control"}
    q = forms.CharField(
        label=_("Search the articles"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The boxes keep the ids pages and tests know them by; the field is always "q".
        self.fields["q"].widget.attrs.update(self.box_attrs)


class HeaderSearchForm(SearchForm):
    """The small search box in every page's header."""

    box_attrs = {
        "id": "site-search-query",
        "class": "form-control form-control-sm",
        "placeholder": _("Search"),
    }
