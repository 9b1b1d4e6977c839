from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from education.models import Article, SitePage

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


class SitePageSitemap(SiteUrlSitemap):
    """About, privacy and accessibility, in each language readers may see them in."""

    changefreq = "monthly"

    def items(self):
        pages = SitePage.objects.only(
            "slug", "language", "content_hash", "latest_signoff", "updated_at"
        )
        return [page for page in pages if page.is_published]

    def lastmod(self, page):
        return page.updated_at.date()


SITEMAPS = {"articles": ArticleSitemap, "pages": MainPagesSitemap, "site-pages": SitePageSitemap}
