"""`manage.py load_content`: a fresh install gets the shipped pages; loading again changes
nothing (roles and checker included); a page an editor changed in the admin is never overwritten."""

import shutil
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from reversion.models import Version

from editorial.models import Draft
from education import shipped_content
from education.models import Article, SitePage
from tests.support.admin_forms import submit
from triage.models import CheckerRelease, Rule

HUB = "inner-thigh-cramps"


def load():
    out = StringIO()
    call_command("load_content", stdout=out)
    return dict(line.split(": ", 1) for line in out.getvalue().splitlines())


def snapshot():
    """Everything a load could touch, as plain values."""
    articles = Article.objects.order_by("slug").values_list(
        "slug", "title", "body", "updated_at", "content_hash", "status", "group", "order"
    )
    sources = Article.objects.order_by("sources__id").values_list("slug", "sources__id")
    related = Article.objects.order_by("slug", "related__slug").values_list("slug", "related__slug")
    pages = SitePage.objects.order_by("slug").values_list("slug", "body", "updated_at")
    roles = Group.objects.order_by("name", "permissions").values_list("name", "permissions")
    checker = Rule.objects.order_by("code").values_list("code", "reason", "level__key")
    releases = CheckerRelease.objects.order_by("number").values_list("number", "snapshot")
    rows = (articles, sources, related, pages, roles, checker, releases)
    return [list(q) for q in rows] + [Version.objects.count()]


@pytest.fixture
def content_copy(tmp_path, monkeypatch):
    """A copy of the shipped content files that a test may change."""
    shutil.copytree(shipped_content.CONTENT_DIR, tmp_path / "content")
    monkeypatch.setattr(shipped_content, "ARTICLES_DIR", tmp_path / "content" / "articles")
    monkeypatch.setattr(shipped_content, "PAGES_DIR", tmp_path / "content" / "pages")
    return tmp_path / "content"


def test_a_fresh_install_has_every_article_and_site_page_published(db):
    files = sorted(p.stem for p in shipped_content.ARTICLES_DIR.glob("*.md"))
    assert len(files) == 10
    english = Article.objects.published().filter(language="en")
    assert sorted(english.values_list("slug", flat=True)) == files
    english_pages = SitePage.objects.filter(language="en")
    assert set(english_pages.values_list("slug", flat=True)) == set(SitePage.Slug.values)


def test_a_fresh_install_has_every_spanish_translation_published(db):
    files = sorted(p.stem for p in shipped_content.SPANISH_ARTICLES_DIR.glob("*.md"))
    spanish = Article.objects.published().filter(language="es")
    assert sorted(spanish.values_list("slug", flat=True)) == files
    assert all(article.translation_of.language == "en" for article in spanish)
    pages = SitePage.objects.filter(language="es").select_related("translation_of")
    assert {page.translation_of.slug: page.slug for page in pages} == SitePage.SPANISH_SLUGS


def test_loading_twice_changes_nothing(db):
    before = snapshot()

    outcomes = load()

    assert snapshot() == before
    assert set(outcomes.values()) == {"unchanged"}


def test_an_editors_change_survives_a_reload(admin_client, db):
    article = Article.objects.get(slug=HUB)
    url = f"/admin/education/article/{article.pk}/change/"
    assert submit(admin_client, url, title="Inner thigh cramps: the basics").status_code == 302

    outcomes = load()

    assert outcomes[HUB] == "kept: changed in the admin"
    assert Draft.objects.open().for_object(article).get().title == "Inner thigh cramps: the basics"


def test_an_editors_change_to_a_site_page_survives_a_reload(admin_client, db):
    page = SitePage.objects.get(slug="privacy")
    url = f"/admin/education/sitepage/{page.pk}/change/"
    body = page.body + "\nOne more plain sentence.\n"
    assert submit(admin_client, url, body=body).status_code == 302

    outcomes = load()

    assert outcomes["privacy"] == "kept: changed in the admin"
    draft = Draft.objects.open().for_object(page).get()
    assert draft.snapshot["object"]["fields"]["body"].endswith("One more plain sentence.")


def test_an_article_an_editor_unpublished_stays_unpublished(db):
    Article.objects.filter(slug=HUB).update(status=Article.Status.DRAFT)

    load()

    assert Article.objects.get(slug=HUB).status == Article.Status.DRAFT


def test_a_changed_file_updates_an_article_nobody_edited(db, content_copy):
    path = content_copy / "articles" / f"{HUB}.md"
    path.write_text(path.read_text().replace("Cramps are common.", "Cramps are very common."))

    outcomes = load()

    article = Article.objects.get(slug=HUB)
    assert outcomes[HUB] == "updated"
    assert "Cramps are very common." in article.body_html
    assert set(outcomes.values()) == {"updated", "unchanged"}
    assert load()[HUB] == "unchanged"


@pytest.mark.parametrize(
    "text, problem",
    [
        ("No front matter at all.\n", "must start with a '---' front matter block"),
        ("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"),
        ("---\ntitle: Only a title\n---\nBody.\n", "missing slug, summary"),
    ],
)
def test_a_broken_file_is_refused_by_name_and_nothing_is_written(db, content_copy, text, problem):
    (content_copy / "articles" / "zz-broken.md").write_text(text)
    before = snapshot()

    with pytest.raises(CommandError, match=problem) as refused:
        call_command("load_content", stdout=StringIO())

    assert "zz-broken.md" in str(refused.value)
    assert snapshot() == before


def test_a_related_article_that_does_not_exist_is_refused(db, content_copy):
    path = content_copy / "articles" / f"{HUB}.md"
    path.write_text(path.read_text().replace("related:\n", "related:\n  - no-such-article\n", 1))
    before = snapshot()

    with pytest.raises(CommandError, match=f"{HUB}.md: no article no-such-article"):
        call_command("load_content", stdout=StringIO())

    assert snapshot() == before


def test_an_unknown_picture_reference_is_refused(db, content_copy):
    path = content_copy / "articles" / f"{HUB}.md"
    path.write_text(path.read_text().replace("Cramps are common.", "![[image:999999]]\n\nCramps"))
    before = snapshot()

    with pytest.raises(CommandError, match=f"{HUB}.md: .*image:999999"):
        call_command("load_content", stdout=StringIO())

    assert snapshot() == before


def test_a_translation_an_editor_added_at_another_slug_is_kept(db):
    english = Article.objects.get(slug=HUB)
    shipped = english.translations.get()
    shipped.delete()
    added = Article.objects.create(
        language="es",
        translation_of=english,
        slug="calambres-del-muslo",
        title="Calambres",
        summary="Resumen.",
        body="## Uno\n\nTexto.",
    )

    outcomes = load()

    assert outcomes[shipped.slug] == shipped_content.Outcome.KEPT_EDITORS_CHANGE
    assert list(english.translations.all()) == [added]
