from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cramps_site import views
from education.sitemaps import SITEMAPS

# The admin carries the site's name, not "Django administration" (templates/admin/base_site.html).
admin.site.site_header = "Inner thigh cramps: editorial"
admin.site.site_title = "Inner thigh cramps editorial"
admin.site.index_title = "Pages, symptom checker and clinical review"

# The reading pages and the checker in each language: English at today's addresses, Spanish
# under /es/ with Spanish address words (docs/languages.md). The admin and the machines'
# addresses have one address.
urlpatterns = i18n_patterns(
    path("", include("education.urls")),
    path(_("triage/"), include("triage.urls")),
    prefix_default_language=False,
)
urlpatterns += [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico whatever a page's <link rel="icon"> says.
    path("favicon.ico", views.favicon, name="favicon"),
]

handler400 = "cramps_site.views.bad_request"
handler403 = "cramps_site.views.permission_denied"
handler500 = "cramps_site.views.server_error"
