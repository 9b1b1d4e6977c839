import datetime

import pytest
from django.core.exceptions import ValidationError
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


def test_next_review_must_follow_last_review(make_article):
    article = make_article()
    article.next_review_due = article.last_reviewed

    with pytest.raises(ValidationError, match="after the last review"):
        article.full_clean()


def test_review_overdue(make_article):
    today = timezone.localdate()
    overdue = make_article(
        last_reviewed=today - datetime.timedelta(days=400),
        next_review_due=today - datetime.timedelta(days=1),
    )
    current = make_article()

    assert overdue.review_overdue and not current.review_overdue
    assert list(Article.objects.filter(slug__startswith="test").review_overdue()) == [overdue]
