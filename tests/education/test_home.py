from education.models import Article
from tests.support.pages import assert_public_page, parse


def test_home_links_every_published_article_and_the_checker(client, no_articles, make_article):
    published = [make_article(title="One"), make_article(title="Two")]
    make_article(title="Hidden draft", status=Article.Status.DRAFT)

    soup = parse(client.get("/"))

    assert_public_page(soup)
    links = {a["href"] for a in soup.select(".article-card a")}
    assert links == {article.get_absolute_url() for article in published}
    assert soup.select_one('.checker-link a[href="/triage/"]')


def test_fresh_install_home_lists_the_shipped_articles(client, db):
    """load_content fills the site: a new install is never an empty shell."""
    soup = parse(client.get("/"))

    english = Article.objects.published().filter(language="en")
    assert len(soup.select(".article-card")) == english.count() == 10


def test_home_puts_the_emergency_signs_and_the_checker_first_then_the_articles(
    client, db, settings
):
    main = parse(client.get("/")).select_one("main")

    headings = [h2.get_text() for h2 in main.select("h2")]
    emergency = f"Call {settings.EMERGENCY_NUMBER} now if you have:"
    assert headings == [emergency, "Not sure what to do?", *Article.Group.labels]
    for section in main.select("section"):
        slugs = [a["href"].split("/")[2] for a in section.select(".article-card a")]
        groups = set(Article.objects.filter(slug__in=slugs).values_list("group", flat=True))
        assert [Article.Group(group).label for group in groups] == [section.h2.get_text()]


def test_home_makes_two_queries(client, make_article, django_assert_max_num_queries):
    make_article()

    # The articles, and when the next scheduled one goes live (for the page cache).
    with django_assert_max_num_queries(2):
        assert client.get("/").status_code == 200


def test_home_refuses_post(client, db):
    assert client.post("/").status_code == 405


def test_a_large_library_shows_the_first_articles_and_a_link_to_all(
    client, no_articles, make_article
):
    from education.views import HOME_ARTICLES

    for n in range(HOME_ARTICLES + 3):
        make_article(title=f"Article {n:02}", order=n)

    soup = parse(client.get("/"))

    assert len(soup.select(".article-card")) == HOME_ARTICLES
    assert soup.find("a", string="See all articles")["href"] == "/articles/"
