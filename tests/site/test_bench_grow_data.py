"""bench/grow_data.py: fills a throwaway database for the benchmark, and nothing else."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bench import grow_data
from bench.grow_data import Refused, grow
from common.content_generation import current_generation
from education.models import Article
from triage.models import Result

THROWAWAY = {"confirm_throwaway_database": True}


def test_grows_to_the_sizes_asked_for(db, settings):
    settings.TRIAGE_RETENTION_DAYS = 30
    shipped = Article.objects.count()

    said = grow(articles=shipped + 5, results=40, **THROWAWAY)

    assert Article.objects.count() == shipped + 5
    assert Result.objects.count() == 40
    oldest = Result.objects.order_by("created_at").first().created_at
    assert timezone.now() - timedelta(days=30) < oldest < timezone.now() - timedelta(days=29)
    assert "Added 5 made-up articles and 40 results" in said


def test_results_are_stored_in_batches(db, monkeypatch):
    monkeypatch.setattr(grow_data, "RESULT_BATCH", 7)

    grow(articles=0, results=30, **THROWAWAY)

    assert Result.objects.count() == 30
    assert Result.objects.values("token").distinct().count() == 30


def test_made_up_articles_say_so_in_title_and_address(db):
    grow(articles=Article.objects.count() + 3, results=0, **THROWAWAY)

    fillers = Article.objects.filter(slug__startswith="bench-filler-")
    assert [a.title.split(":")[0] for a in fillers.order_by("order")] == [
        "Benchmark filler 1",
        "Benchmark filler 2",
        "Benchmark filler 3",
    ]
    assert not fillers.filter(latest_signoff__isnull=False).exists()


def test_the_site_stops_serving_pages_stored_before_the_made_up_articles(db):
    before = current_generation()

    grow(articles=Article.objects.count() + 1, results=0, **THROWAWAY)

    assert current_generation() != before


def test_a_second_run_adds_nothing(db):
    sizes = {"articles": Article.objects.count() + 4, "results": 25, **THROWAWAY}
    grow(**sizes)

    said = grow(**sizes)

    assert Article.objects.count() == sizes["articles"]
    assert Result.objects.count() == 25
    assert "Added 0 made-up articles and 0 results" in said


def test_a_larger_size_tops_up_without_clashing_addresses(db):
    shipped = Article.objects.count()
    grow(articles=shipped + 2, results=10, **THROWAWAY)

    grow(articles=shipped + 5, results=20, **THROWAWAY)

    assert Article.objects.filter(slug__startswith="bench-filler-").count() == 5
    assert Result.objects.count() == 20


def test_refuses_without_the_confirmation(db):
    with pytest.raises(Refused, match="confirm_throwaway_database=True"):
        grow(articles=3_000, results=10)

    assert not Article.objects.filter(slug__startswith="bench-filler-").exists()
    assert not Result.objects.exists()


def test_refuses_a_database_with_signed_off_content_even_when_confirmed(make_article):
    make_article(signed_off=True)
    before = Article.objects.count()

    with pytest.raises(Refused, match="clinically signed-off content"):
        grow(articles=3_000, results=10, **THROWAWAY)

    assert Article.objects.count() == before
    assert not Result.objects.exists()


def test_refuses_negative_sizes(db):
    with pytest.raises(Refused, match="0 or more"):
        grow(articles=-1, results=10, **THROWAWAY)


def test_says_what_to_do_when_the_model_article_is_missing(db):
    Article.objects.filter(slug=grow_data.MODEL_ARTICLE).delete()

    with pytest.raises(Refused, match="load_content"):
        grow(articles=3_000, results=0, **THROWAWAY)
