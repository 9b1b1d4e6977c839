import pytest

from education.models import Article, Feedback
from education.views import FEEDBACK_PER_HOUR
from tests.support.pages import parse


def feedback_url(article):
    return f"{article.get_absolute_url()}feedback/"


def test_every_article_asks_whether_it_helped_without_javascript_or_cookies(client, make_article):
    response = client.get(make_article().get_absolute_url())

    form = parse(response).select_one("section.feedback form")
    assert form["method"] == "post"
    assert {i["value"] for i in form.select("input[name=helpful]")} == {"yes", "no"}
    assert "Do not include your name" in form.get_text()
    assert not response.cookies


def test_a_yes_is_stored_anonymously_and_thanked(client, make_article):
    article = make_article()

    response = client.post(feedback_url(article), {"helpful": "yes"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{feedback_url(article)}thanks/"
    assert parse(response).h1.get_text() == "Thank you for your feedback"
    feedback = Feedback.objects.get()
    assert (feedback.article, feedback.helpful, feedback.reason) == (article, True, "")
    assert {f.name for f in Feedback._meta.get_fields()} == {
        "id", "article", "helpful", "reason", "created_at",
    }  # fmt: skip
    assert not response.cookies


def test_a_no_keeps_its_reason(client, make_article):
    article = make_article()

    client.post(feedback_url(article), {"helpful": "no", "reason": "  Too long.  "})

    assert Feedback.objects.get().reason == "Too long."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select yes or no"),
        ({"helpful": "maybe"}, "Select yes or no"),
        ({"helpful": "no", "reason": "x" * 501}, "Keep it under 500 characters"),
    ],
)
def test_bad_feedback_is_refused_with_a_clear_message(client, make_article, data, message):
    response = client.post(feedback_url(make_article()), data)

    assert response.status_code == 400
    assert message in parse(response).select_one(".error-summary").get_text()
    assert not Feedback.objects.exists()


def test_feedback_is_rate_limited(client, make_article):
    article = make_article()
    for _ in range(FEEDBACK_PER_HOUR):
        assert client.post(feedback_url(article), {"helpful": "yes"}).status_code == 302

    response = client.post(feedback_url(article), {"helpful": "yes"})

    assert response.status_code == 429
    assert Feedback.objects.count() == FEEDBACK_PER_HOUR


def test_feedback_needs_a_published_article_and_a_post(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)

    assert client.post(feedback_url(draft), {"helpful": "yes"}).status_code == 404
    assert client.get(feedback_url(make_article())).status_code == 405


def test_the_admin_reports_the_helpful_share_and_latest_reasons(admin_client, make_article):
    article = make_article(title="Reported")
    Feedback.objects.create(article=article, helpful=True)
    Feedback.objects.create(article=article, helpful=False, reason="Needs pictures")

    changelist = parse(admin_client.get("/admin/education/article/?q=Reported"))
    change = parse(admin_client.get(f"/admin/education/article/{article.pk}/change/"))

    assert changelist.select_one("td.field-helpful_share").get_text() == "50% of 2"
    report = change.select_one(".field-feedback_report").get_text(" ")
    assert "1 of 2 readers found it helpful" in report and "Needs pictures" in report


def test_error_summary_links_lead_to_the_fields(client, make_article):
    response = client.post(feedback_url(make_article()), {"reason": "x" * 501})

    soup = parse(response)
    links = [a["href"] for a in soup.select(".error-summary a")]
    assert links == ["#id_helpful_0", "#id_reason"]
    assert all(soup.select_one(link) for link in links)
