"""The benchmark's questionnaire journeys (bench/journeys.json) answer every question and end
at the level each is measured for: a journey that ended elsewhere would count as an error."""

import pytest
from django.test import Client

from bench.live_site import PAGES
from bench.measure import answer_sets
from tests.support.flows import confirm, walk_pages
from triage.models import Result

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("answers", "level"), answer_sets(), ids=lambda value: str(value)[:12])
def test_each_benchmark_journey_ends_at_its_level(answers, level):
    every_key = {key for keys in PAGES.values() for key in keys}
    assert set(answers) == every_key

    confirm(*walk_pages(Client(), answers))

    assert Result.objects.get().level == level
