from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from education.models import Article


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
            Article.objects.published()
            .select_related("latest_signoff")
            .only("slug", "updated_at", "latest_signoff__signed_at")
        )

    def lastmod(self, article):
        return max(filter(None, [article.last_reviewed, article.updated_at.date()]))


class MainPagesSitemap(SiteUrlSitemap):
    changefreq = "weekly"

    def items(self):
        return ["education:home", "education:article_list", "triage:start"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"articles": ArticleSitemap, "pages": MainPagesSitemap}
