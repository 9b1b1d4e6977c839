from django.urls import path

from education import views
from education.models import SitePage

app_name = "education"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("articles/<slug:slug>/feedback/", views.article_feedback, name="article_feedback"),
    path("articles/<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("search/", views.search, name="search"),
    # One address a site page, such as /about/ (/es/acerca-de/ in Spanish); all reverse as
    # "site_page" with the slug.
    *(
        path(f"{slug}/", views.site_page, {"slug": slug}, name="site_page")
        for slug in [*SitePage.Slug.values, *SitePage.SPANISH_SLUGS.values()]
    ),
]
