from django.urls import path, register_converter

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

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-answers/", views.check_answers, name="check_answers"),
    path("start-again/", views.start_again, name="start_again"),
    path("result/<token:token>/", views.result, name="result"),
    path("result/<token:token>/change/", views.change_answers, name="change_answers"),
    path("<slug:slug>/", views.question_page, name="page"),
]
