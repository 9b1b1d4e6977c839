from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from cramps_site import views

urlpatterns = [
    path("", include("education.urls")),
    path("triage/", include("triage.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
]

handler500 = "cramps_site.views.server_error"
