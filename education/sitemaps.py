from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from education.models import Article

TRANSLATED_PAGES = ["education:home", "education:article_list"]


class SiteUrlSitemap(Sitemap):
    """Addresses under SITE_URL, whatever Host the request for the sitemap carried."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            # Both languages: each page at its own address (get_absolute_url).
            Article.objects.published()
            .select_related("latest_signoff")
            .only("slug", "language", "updated_at", "latest_signoff__signed_at")
        )

    def lastmod(self, article):
        return max(filter(None, [article.last_reviewed, article.updated_at.date()]))


class MainPagesSitemap(SiteUrlSitemap):
    changefreq = "weekly"

    def items(self):
        # The checker is in English only for now (docs/languages.md).
        return [
            *((name, language) for language in ("en", "es") for name in TRANSLATED_PAGES),
            ("triage:start", "en"),
        ]

    def location(self, item):
        name, language = item
        with translation.override(language):
            return reverse(name)


SITEMAPS = {"articles": ArticleSitemap, "pages": MainPagesSitemap}
