"""The triage admin's forms."""

from django import forms
from django.core.exceptions import ValidationError

from editorial.revisions import EditorialForm
from triage import engine
from triage.models import Condition, SafetyCase, load_rulebook


class ValuesField(forms.CharField):
    """Answer values typed as "weeks, months", kept as a list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [item.strip() for item in (value or "").split(",") if item.strip()]


class ConditionForm(forms.ModelForm):
    values = ValuesField(help_text="One or more answer values, separated by commas.")

    class Meta:
        model = Condition
        fields = ["question", "operator", "values"]


class ConditionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if not kept:
            raise ValidationError("A rule needs at least one condition.")


class SafetyCaseForm(EditorialForm):
    class Meta:
        model = SafetyCase
        fields = [
            "name",
            "answers",
            "expected_level",
            "expected_factors",
            "forbidden_advice",
            "forbidden_card_text",
            "required_card_text",
        ]

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("expected_level")
        if level is None or "answers" not in cleaned:
            return cleaned
        case = SafetyCase(
            name=cleaned.get("name", ""),
            answers=cleaned["answers"],
            expected_level=level,
            expected_factors=cleaned.get("expected_factors"),
            forbidden_advice=cleaned.get("forbidden_advice") or [],
            forbidden_card_text=cleaned.get("forbidden_card_text") or [],
            required_card_text=cleaned.get("required_card_text") or [],
        ).as_engine_case()
        result = engine.check_case(load_rulebook(), case)
        if not result.passed:
            raise ValidationError(
                f"This case does not pass with the current rules: {result.describe()}."
            )
        return cleaned


def refused_form(form_class, refusal):
    """The same form, refusing its input with the reason the last save was rolled back."""

    class RefusedForm(form_class):
        def clean(self):
            super().clean()
            raise ValidationError(refusal.messages)

    return RefusedForm
