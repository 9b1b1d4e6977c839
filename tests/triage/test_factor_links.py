"""Each advice block links to the article section that explains it, on a fresh install too,
and when an article arrives after its blocks (the loader links them then)."""

from io import StringIO
from urllib.parse import urlparse

from django.core.management import call_command
from django.test import Client

from education.models import Article
from tests.support.answers import with_changes
from tests.support.flows import confirm, walk_pages
from tests.support.pages import parse
from triage.models import Factor, Result


def load_content():
    call_command("load_content", stdout=StringIO())


def test_every_advice_block_links_to_a_section_of_its_article(client, db):
    for factor in Factor.objects.select_related("article"):
        link = urlparse(factor.link())
        assert link.path and link.fragment, f"{factor.key} has no article section"
        assert parse(client.get(link.path)).find(id=link.fragment), factor.link()


def test_loading_the_articles_links_the_blocks_a_fresh_install_left_unlinked(db):
    Factor.objects.update(article=None, section="")

    load_content()

    assert not Factor.objects.filter(article__isnull=True).exists()
    assert Factor.objects.get(key="strain").link() == (
        "/articles/groin-strain/#what-should-you-do-in-the-first-2-to-3-days"
    )


def test_a_link_an_editor_chose_is_kept(db):
    night = Article.objects.get(slug="night-time-cramps")
    Factor.objects.filter(key="older_adult").update(article=night, section="")

    load_content()

    factor = Factor.objects.get(key="older_adult")
    assert (factor.article, factor.section) == (night, "")


def factor_links(page):
    return {
        block["data-factor"]: [a["href"] for a in block.select("a")]
        for block in parse(page).select("[data-factor]")
    }


def test_a_result_links_to_the_articles_as_they_stand_now_not_as_when_first_shown(db):
    """The questionnaire is kept per release in each process, but articles change apart
    from releases: a translation withdrawn since is no longer linked, nor one reached."""
    confirm(*walk_pages(Client(), with_changes(triggers=["sweating"]), "es"))
    address = Result.objects.get().get_absolute_url()
    before = factor_links(Client().get(address))["fluids_electrolytes"]
    assert len(before) == 1 and before[0].startswith("/es/")
    english = Factor.objects.get(key="fluids_electrolytes").article
    spanish = english.translations.get(language="es")
    spanish.status = Article.Status.DRAFT
    spanish.save()

    assert factor_links(Client().get(address))["fluids_electrolytes"] == []


def test_an_english_result_never_links_to_an_article_readers_cannot_open(db):
    confirm(*walk_pages(Client(), with_changes(triggers=["sweating"])))
    address = Result.objects.get().get_absolute_url()
    [link] = factor_links(Client().get(address))["fluids_electrolytes"]
    article = Factor.objects.get(key="fluids_electrolytes").article
    assert Client().get(link).status_code == 200
    article.status = Article.Status.DRAFT
    article.save()

    assert factor_links(Client().get(address))["fluids_electrolytes"] == []
