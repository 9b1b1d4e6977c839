from django.urls import path

from education import views

app_name = "education"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("articles/<slug:slug>/feedback/", views.article_feedback, name="article_feedback"),
    path("articles/<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("search/", views.search, name="search"),
]
