import datetime

from django.utils import timezone

from education.models import Article, SitePage
from tests.support.pages import parse


def test_editor_creates_an_article_with_sources(admin_client):
    today = timezone.localdate()
    response = admin_client.post(
        "/admin/education/article/add/",
        {
            "language": "en",
            "title": "New article",
            "slug": "new-article",
            "summary": "A summary.",
            "body": "## A section\n\nText.",
            "publish_at_0": today.isoformat(),
            "publish_at_1": "09:00:00",
            "order": 5,
            "group": "about",
            "sources-TOTAL_FORMS": 1,
            "sources-INITIAL_FORMS": 0,
            "sources-0-title": "NHS",
            "sources-0-url": "https://www.nhs.uk/",
            "sources-0-accessed": today.isoformat(),
        },
    )

    assert response.status_code == 302, parse(response).select(".errorlist")
    article = Article.objects.get(slug="new-article")
    assert article.body_html == '<h2 id="a-section">A section</h2>\n<p>Text.</p>\n'
    assert article.sources.get().url == "https://www.nhs.uk/"
    assert article.status == Article.Status.DRAFT and not article.latest_signoff


def test_changelist_flags_and_filters_overdue_reviews(admin_client, no_articles, make_article):
    today = timezone.localdate()
    make_article(title="Fresh")
    make_article(
        title="Stale",
        last_reviewed=today - datetime.timedelta(days=800),
        next_review_due=today - datetime.timedelta(days=5),
    )

    everything = parse(admin_client.get("/admin/education/article/"))
    overdue = parse(admin_client.get("/admin/education/article/?review=overdue"))
    drafts = parse(admin_client.get("/admin/education/article/?status=draft"))

    assert len(everything.select("#result_list tbody tr")) == 2
    assert [a.get_text() for a in overdue.select("#result_list tbody th a")] == ["Stale"]
    assert not drafts.select("#result_list tbody tr")


def test_changelist_search_finds_body_text(admin_client, no_articles, make_article):
    make_article(title="Magnesium", body="## Minerals\n\nmagnesium helps")
    make_article(title="Stretching", body="## Stretch\n\nhold it")

    soup = parse(admin_client.get("/admin/education/article/?q=magnesium"))

    assert [a.get_text() for a in soup.select("#result_list tbody th a")] == ["Magnesium"]


def test_readers_cannot_reach_the_admin(client, reader):
    client.force_login(reader)

    response = client.get("/admin/education/article/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_dashboard_lists_unreviewed_pages_first_then_reviews_due_within_30_days(
    admin_client, no_articles, make_article
):
    today = timezone.localdate()
    make_article(title="Due next week", next_review_due=today + datetime.timedelta(days=7))
    make_article(title="Due next year", next_review_due=today + datetime.timedelta(days=365))
    make_article(title="Never reviewed", signed_off=False)

    SitePage.objects.all().delete()  # never signed off either: listed before these
    due = parse(admin_client.get("/admin/")).select_one("#reviews-due")

    assert [a.get_text() for a in due.select("tbody a")] == ["Never reviewed", "Due next week"]
    assert "Never reviewed by a clinician" in due.get_text()


def test_due_soon_filter(admin_client, no_articles, make_article):
    today = timezone.localdate()
    make_article(title="Soon", next_review_due=today + datetime.timedelta(days=29))
    make_article(title="Later", next_review_due=today + datetime.timedelta(days=31))

    soup = parse(admin_client.get("/admin/education/article/?review=due_soon"))

    assert [a.get_text() for a in soup.select("#result_list tbody th a")] == ["Soon"]


def test_the_review_warning_period_follows_its_setting(
    admin_client, no_articles, make_article, settings
):
    settings.EDITORIAL_REVIEW_WARNING_DAYS = 45
    today = timezone.localdate()
    make_article(title="In six weeks", next_review_due=today + datetime.timedelta(days=42))
    make_article(title="In seven weeks", next_review_due=today + datetime.timedelta(days=49))

    due_soon = parse(admin_client.get("/admin/education/article/?review=due_soon"))

    titles = [a.get_text() for a in due_soon.select("#result_list tbody th a")]
    assert titles == ["In six weeks"]
    assert "due within 45 days" in due_soon.select_one("#changelist-filter").get_text()


def test_the_front_page_names_the_review_warning_period_from_its_setting(
    admin_client, no_articles, settings
):
    settings.EDITORIAL_REVIEW_WARNING_DAYS = 45
    SitePage.objects.all().delete()  # never signed off: they would be listed as due

    due = parse(admin_client.get("/admin/")).select_one("#reviews-due").get_text()

    assert "No page is due for review in the next 45 days." in due
