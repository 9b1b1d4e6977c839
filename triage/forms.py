"""One form a questionnaire page, built from that page's questions.

Field names are the question keys. Error messages never repeat what was sent, so junk in a
request cannot be reflected back into the page.
"""

from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from triage.engine import NONE_OF_THESE
from triage.models import Question, with_emergency_number

NO = "no"
NONE_WITH_OTHERS = _("Select “None of these” on its own, or only the answers that apply")
BOX = {"class": "form-check-input"}
QUESTIONS_TEMPLATE = "triage/includes/questions.html"


def in_asking_order(choices):
    """The choices with "No" first, the rest as stored: a reader finds "No" in the same place
    in every question, whether the data lists it first (single choices) or last (yes or no)."""
    return sorted(choices, key=lambda choice: choice.value != NO)


def _field_for(question):
    choices = [
        (choice.value, with_emergency_number(choice.label))
        for choice in in_asking_order(question.choices.all())
    ]
    common = {
        "label": with_emergency_number(question.text),
        "help_text": with_emergency_number(question.hint),
        "choices": choices,
        # A junk value gets the same plain request as a missing one.
        "error_messages": {
            "required": with_emergency_number(question.error_message),
            "invalid_choice": with_emergency_number(question.error_message),
        },
    }
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple(BOX), **common)
    return forms.ChoiceField(widget=forms.RadioSelect(BOX), **common)


class QuestionPageForm(forms.Form):
    # GOV.UK pattern: the server checks answers, the browser does not block the form.
    use_required_attribute = False

    def __init__(self, questions, rulebook, earlier_answers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.rulebook = rulebook
        self.earlier_answers = earlier_answers
        for question in self.questions:
            self.fields[question.key] = _field_for(question)

    def clean(self):
        cleaned = super().clean()
        answers = {**self.earlier_answers, **cleaned}
        for question in self.questions:
            answer = cleaned.get(question.key)
            if answer is None:
                continue  # already refused by its field
            if isinstance(answer, list) and NONE_OF_THESE in answer and len(answer) > 1:
                self.add_error(question.key, NONE_WITH_OTHERS)
                continue
            # Answers that only go with certain other answers, as the data files say.
            for check in self.rulebook.questions[question.key].checks:
                if check.refuses(answer, answers):
                    self.add_error(question.key, check_message(check))
        return cleaned


def check_message(check):
    """An answer check's message in the page's language (English where it has no other)."""
    if translation.get_language() == "es" and check.message_es:
        return check.message_es
    return check.message


def draw_form(form):
    return render_to_string(QUESTIONS_TEMPLATE, {"form": form})
