"""Grow a throwaway database to the size the benchmark measures (bench/measure.py runs it
through `manage.py shell`, so it needs no command of the site's own).

Made-up published articles (copies of one shipped article, titled and addressed as filler)
and stored questionnaire results spread evenly over the retention period, as a month of real
use would leave them. It tops up to the sizes asked for, so a second run adds nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from common.content_generation import new_generation
from editorial.models import SignOff
from education.models import Article
from triage.data_files import shipped_cases
from triage.models import Result, load_rulebook, new_result_token

MODEL_ARTICLE = "common-causes-of-inner-thigh-cramps"
FILLER_SLUG = "bench-filler-"
ARTICLE_BATCH = 500
RESULT_BATCH = 20_000


class Refused(Exception):
    """Growing this database would write made-up content where it does not belong."""


def grow(articles=2_000, results=1_000_000, confirm_throwaway_database=False):
    """Top the database up to `articles` articles (shipped ones included) and `results`
    stored results; returns what it says it did."""
    refuse_real_database(confirm_throwaway_database)
    if articles < 0 or results < 0:
        raise Refused("articles and results must be 0 or more.")
    added_articles = grow_articles(articles)
    added_results = grow_results(results)
    return (
        f"Added {added_articles} made-up articles and {added_results} results: "
        f"{Article.objects.count()} articles, {Result.objects.count()} results."
    )


def refuse_real_database(confirmed):
    if not confirmed:
        raise Refused(
            "Growing writes thousands of made-up articles and results. Do it only on a "
            "throwaway database, and say so with confirm_throwaway_database=True."
        )
    if SignOff.objects.exists():
        raise Refused(
            "This database holds clinically signed-off content, so it is not a throwaway "
            "database; the benchmark will not write made-up articles into it."
        )


def grow_articles(total):
    missing = total - Article.objects.count()
    if missing <= 0:
        return 0
    model = Article.objects.filter(slug=MODEL_ARTICLE).first()
    if model is None:
        raise Refused(
            f"The article {MODEL_ARTICLE} is missing; load the shipped content first "
            "(manage.py load_content)."
        )
    first = Article.objects.filter(slug__startswith=FILLER_SLUG).count() + 1
    # Saved in bulk, so Article.save() does not render each copy: they share the model's HTML.
    copies = [
        Article(
            title=f"Benchmark filler {n}: {model.title}",
            slug=f"{FILLER_SLUG}{n}",
            summary=model.summary,
            body=model.body,
            body_html=model.body_html,
            sections=model.sections,
            status=Article.Status.PUBLISHED,
            publish_at=model.publish_at,
            group=model.group,
            order=100 + n,
        )
        for n in range(first, first + missing)
    ]
    Article.objects.bulk_create(copies, batch_size=ARTICLE_BATCH)
    # bulk_create sends no save signals: stored pages (the article list) must go stale here.
    new_generation()
    return missing


def grow_results(total):
    existing = Result.objects.count()
    if existing >= total:
        return 0
    # One result made as the questionnaire makes it (the first shipped example case), then copies of
    # it with other tokens and times.
    outcome = Result.objects.record(load_rulebook(), shipped_cases()[0].answers)
    now = timezone.now()
    spread = timedelta(days=settings.TRIAGE_RETENTION_DAYS) / total
    created_at = Result._meta.get_field("created_at")
    # Results are stamped "now" on creation; these carry their own times.
    created_at.auto_now_add = False
    try:
        for start in range(existing + 1, total, RESULT_BATCH):
            batch = [
                Result(
                    token=new_result_token(),
                    answers=outcome.answers,
                    level=outcome.level,
                    fired_rules=outcome.fired_rules,
                    factors=outcome.factors,
                    advice=outcome.advice,
                    rules_version=outcome.rules_version,
                    created_at=now - spread * offset,
                )
                for offset in range(start, min(start + RESULT_BATCH, total))
            ]
            with transaction.atomic():
                Result.objects.bulk_create(batch)
    finally:
        created_at.auto_now_add = True
    return total - existing
