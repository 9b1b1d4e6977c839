import datetime

from django.utils import timezone

from education.models import Article


def test_published_excludes_drafts_and_future_articles(make_article):
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(publish_at=timezone.now() + datetime.timedelta(seconds=30))

    assert list(Article.objects.filter(slug__startswith="test").published()) == [visible]


def test_saving_renders_markdown_and_sections(make_article):
    article = make_article(body="## One\n\ntext")

    article.body = "## Two\n\n<script>x</script>text"
    article.save(update_fields=["body"])
    article.refresh_from_db()

    assert article.sections == [{"id": "two", "title": "Two"}]
    assert article.body_html.startswith('<h2 id="two">Two</h2>')
    assert "<script" not in article.body_html


def test_review_overdue(make_article):
    today = timezone.localdate()
    overdue = make_article(
        last_reviewed=today - datetime.timedelta(days=400),
        next_review_due=today - datetime.timedelta(days=1),
    )
    current = make_article()

    never = make_article(signed_off=False)

    assert overdue.review_overdue and never.review_overdue and not current.review_overdue
    test_articles = Article.objects.filter(slug__startswith="test").order_by("pk")
    assert list(test_articles.review_overdue()) == [overdue, never]
