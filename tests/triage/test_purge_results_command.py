from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from triage.management.commands import purge_results
from triage.models import Result


def make_result(age):
    result = Result.objects.create(
        answers={}, level="self_care", fired_rules=[], factors=[], rules_version="x"
    )
    Result.objects.filter(pk=result.pk).update(created_at=timezone.now() - age)
    return result


def test_deletes_results_older_than_the_retention_period(db, settings, capsys):
    settings.TRIAGE_RETENTION_DAYS = 30
    old = make_result(timedelta(days=30, minutes=1))
    recent = make_result(timedelta(days=29, hours=23))

    call_command("purge_results")

    assert list(Result.objects.all()) == [recent]
    assert not Result.objects.filter(pk=old.pk).exists()
    assert "Deleted 1 results older than 30 days." in capsys.readouterr().out


def test_deletes_in_batches(db, monkeypatch):
    monkeypatch.setattr(purge_results, "BATCH_SIZE", 2)
    for _ in range(5):
        make_result(timedelta(days=40))

    call_command("purge_results", days=30)

    assert not Result.objects.exists()


def test_refuses_a_retention_below_one_day(db):
    make_result(timedelta(hours=1))

    with pytest.raises(CommandError, match="--days must be 1 or more"):
        call_command("purge_results", days=0)

    assert Result.objects.count() == 1
