from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from triage import views


class TokenConverter:
    """Result tokens are URL-safe base64; nothing else reaches the database."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")

app_name = "triage"

# The address words are translated (docs/languages.md): /triage/check-your-answers/ in
# English is /es/evaluador/revisar-respuestas/ in Spanish.
urlpatterns = [
    path("", views.start, name="start"),
    path(_("check-your-answers/"), views.check_answers, name="check_answers"),
    path(_("start-again/"), views.start_again, name="start_again"),
    path(_("result/<token:token>/"), views.result, name="result"),
    path(_("result/<token:token>/change/"), views.change_answers, name="change_answers"),
    path("<slug:slug>/", views.question_page, name="page"),
]
