from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("education.urls")),
    path("triage/", include("triage.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "cramps_site.views.server_error"
