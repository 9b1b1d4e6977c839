"""Each advice block links to the article section that explains it, on a fresh install too,
and when an article arrives after its blocks (the loader links them then)."""

from io import StringIO
from urllib.parse import urlparse

from django.core.management import call_command

from education.models import Article
from tests.support.pages import parse
from triage.models import Factor


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
