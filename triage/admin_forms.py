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
            "forbidden_card_text_es",
            "required_card_text",
            "required_card_text_es",
        ]

    def clean_answers(self):
        answers = self.cleaned_data["answers"]
        if not isinstance(answers, dict) or not all(
            _is_text(value) or _is_list_of_text(value) for value in answers.values()
        ):
            raise ValidationError(
                'Enter the answers as {"question key": "answer"}, with a list of answers for '
                'a question that takes several, such as {"medicines": ["statin"]}.'
            )
        return answers

    def clean_forbidden_advice(self):
        return _list_of_text(self.cleaned_data["forbidden_advice"])

    def clean_forbidden_card_text(self):
        return _list_of_text(self.cleaned_data["forbidden_card_text"])

    def clean_required_card_text(self):
        return _list_of_text(self.cleaned_data["required_card_text"])

    def clean_forbidden_card_text_es(self):
        return _list_of_text(self.cleaned_data["forbidden_card_text_es"])

    def clean_required_card_text_es(self):
        return _list_of_text(self.cleaned_data["required_card_text_es"])

    def clean_expected_factors(self):
        factors = self.cleaned_data["expected_factors"]
        return None if factors is None else _list_of_text(factors)

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
            forbidden_card_text_es=cleaned.get("forbidden_card_text_es") or [],
            required_card_text_es=cleaned.get("required_card_text_es") or [],
        ).as_engine_case()
        result = engine.check_case(load_rulebook(), case)
        if not result.passed:
            raise ValidationError(
                f"This case does not pass with the current rules: {result.describe()}."
            )
        return cleaned


def _is_text(value):
    return isinstance(value, str)


def _is_list_of_text(value):
    return isinstance(value, list) and all(map(_is_text, value))


def _list_of_text(value):
    """A list of words in double quotes (an empty field is an empty list)."""
    if value in (None, ""):
        return []
    if not _is_list_of_text(value):
        raise ValidationError('Enter a list of words in double quotes, such as ["urgent care"].')
    return value


def refused_form(form_class, refusal):
    """The same form, refusing its input with the reason the last save was rolled back."""

    class RefusedForm(form_class):
        def clean(self):
            super().clean()
            raise ValidationError(refusal.messages)

    return RefusedForm
