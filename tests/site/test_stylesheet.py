"""The site ships only the parts of Bootstrap its pages use, and stays within its byte budget."""

import gzip
import re
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse

from education.management.commands.build_css import BOOTSTRAP_SOURCE, SELECTOR_CLASS
from education.models import Article
from tests.support.pages import parse

# The article page and everything it loads before a reader scrolls, compressed as browsers
# ask for it (DESIGN: a page for a person in pain on a slow phone).
ARTICLE_PAGE_BUDGET = 20 * 1024
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def classes_defined(css):
    return set(SELECTOR_CLASS.findall(re.sub(r"{[^{}]*}", "{}", css)))


def static_text(path):
    return Path(finders.find(path)).read_text(encoding="utf-8")


def rendered_pages(client):
    """Every kind of public page, including a question page showing its errors."""
    article = Article.objects.published().first()
    urls = [
        reverse("education:home"),
        reverse("education:article_list"),
        article.get_absolute_url(),
        reverse("education:search") + "?q=stretch",
        reverse("triage:start"),
        "/no-such-page/",
    ]
    pages = [client.get(url).content.decode() for url in urls]
    first_question = parse(client.get(reverse("triage:start"))).select_one("a.btn-start")["href"]
    pages.append(client.post(first_question, {}).content.decode())
    return pages


def test_committed_stylesheet_is_what_build_css_writes():
    call_command("build_css", "--check")


@pytest.mark.django_db
def test_every_bootstrap_class_a_page_uses_is_in_the_trimmed_stylesheet(client):
    bootstrap_classes = classes_defined(static_text(BOOTSTRAP_SOURCE))
    trimmed = classes_defined(static_text("css/bootstrap.css"))
    used = {
        name
        for html in rendered_pages(client)
        for attribute in CLASS_ATTRIBUTE.findall(html)
        for name in attribute.split()
    }
    missing = (used & bootstrap_classes) - trimmed
    assert not missing, f"run python manage.py build_css; missing {sorted(missing)}"


@pytest.mark.django_db
def test_article_page_and_its_stylesheets_fit_the_byte_budget(client):
    article = Article.objects.published().first()
    html = client.get(article.get_absolute_url()).content
    head = parse(client.get(article.get_absolute_url())).head
    weights = {"html (gzip)": len(gzip.compress(html, 6))}
    for link in head.select('link[rel="stylesheet"], link[rel="icon"]'):
        path = link["href"].removeprefix(settings.STATIC_URL)
        weights[path] = len(brotli.compress(Path(finders.find(path)).read_bytes()))
    assert sum(weights.values()) <= ARTICLE_PAGE_BUDGET, weights
