from django.urls import path

from triage import views

app_name = "triage"

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-answers/", views.check_answers, name="check_answers"),
    path("start-again/", views.start_again, name="start_again"),
    path("result/<str:token>/", views.result, name="result"),
    path("result/<str:token>/change/", views.change_answers, name="change_answers"),
    path("<slug:slug>/", views.question_page, name="page"),
]
