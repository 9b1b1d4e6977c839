"""Grow the benchmark database: 2,000 published articles and 1,000,000 stored results.

Run inside the site's environment (DATABASE_URL and the rest): python -m bench.grow
Results are spread evenly over the retention period, as a month of real use would leave them.
"""

import os
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cramps_site.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from education.models import Article  # noqa: E402
from triage.models import Result, load_rulebook, new_result_token  # noqa: E402

ARTICLES = 2_000
RESULTS = int(os.environ.get("BENCH_RESULTS", 1_000_000))
BATCH = 20_000
ANSWERS = {
    "chest_pain_or_breathless": "no", "leg_cold_pale": "no", "saddle_numbness": "no",
    "tetanus_signs": "no", "stroke_signs": "no", "testicle_pain": "no",
    "age_band": "16_to_59", "pregnant": "no",
    "duration": "days", "frequency": "sometimes", "severity": "mild",
    "cramp_length": "minutes", "circulation_pain": "no",
    "leg_swelling": "no", "numbness": "no", "leg_weakness": "no", "back_pain_spreading": "no",
    "dark_urine": "no", "injury": "no", "cannot_bear_weight": "no", "groin_lump": "no",
    "clot_risk": "no", "fever": "no",
    "triggers": ["sweating"], "medicines": ["none"], "conditions": ["none"],
}  # fmt: skip


def grow_articles():
    model = Article.objects.get(slug="common-causes-of-inner-thigh-cramps")
    copies = [
        Article(
            title=f"{model.title} ({n})",
            slug=f"{model.slug}-{n}",
            summary=model.summary,
            body=model.body,
            body_html=model.body_html,
            sections=model.sections,
            status=Article.Status.PUBLISHED,
            publish_at=model.publish_at,
            latest_signoff=model.latest_signoff,
            order=100 + n,
        )
        for n in range(ARTICLES - Article.objects.count())
    ]
    Article.objects.bulk_create(copies, batch_size=500)


def grow_results():
    # One result made as the questionnaire makes it, copied with other tokens and times.
    outcome = Result.objects.record(load_rulebook(), ANSWERS)
    now = timezone.now()
    spread = timedelta(days=settings.TRIAGE_RETENTION_DAYS) / RESULTS
    # Results are stamped "now" on creation; this script sets its own times instead.
    Result._meta.get_field("created_at").auto_now_add = False
    for start in range(1, RESULTS, BATCH):  # the recorded one is the first
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
            for offset in range(start, min(start + BATCH, RESULTS))
        ]
        with transaction.atomic():
            Result.objects.bulk_create(batch)


if __name__ == "__main__":
    grow_articles()
    grow_results()
    print(f"{Article.objects.count()} articles, {Result.objects.count()} results")
