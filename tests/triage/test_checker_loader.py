"""The shipped checker comes from triage/data/ through `manage.py load_content`, once: a
database with no release gets the rows and release 1; once there is a release, the rows are
the clinical reviewers' draft and nothing is loaded over them."""

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from tests.support.releases import publish_draft
from triage.data_files import MODELS
from triage.models import CheckerRelease, Page, Rule, draft_snapshot


def delete_the_checker():
    CheckerRelease.objects.all().delete()
    for name in MODELS:
        django_apps.get_model("triage", name).objects.all().delete()


def test_an_empty_database_gets_the_shipped_rows_and_release_1(db):
    delete_the_checker()

    call_command("load_content", verbosity=0)

    release = CheckerRelease.objects.get()
    assert (release.number, release.status) == (1, "published")
    assert release.snapshot == draft_snapshot()
    assert Rule.objects.count() == 69 and Page.objects.exists()


def test_rows_without_a_release_become_release_1_as_they_are(db):
    CheckerRelease.objects.all().delete()
    Rule.objects.filter(code="S9").update(reason="Reworded before the first release.")

    call_command("load_content", verbosity=0)

    rules = CheckerRelease.objects.get(number=1).snapshot["rules.json"]
    assert {rule["code"]: rule["reason"] for rule in rules}["S9"] == (
        "Reworded before the first release."
    )


@pytest.mark.parametrize("published_again", [False, True])
def test_the_draft_and_the_releases_are_never_loaded_over(db, published_again):
    Rule.objects.filter(code="S9").update(reason="Reworded in the draft.")
    if published_again:
        publish_draft()
    releases = list(CheckerRelease.objects.values_list("number", "snapshot"))

    call_command("load_content", verbosity=0)

    assert Rule.objects.get(code="S9").reason == "Reworded in the draft."
    assert list(CheckerRelease.objects.values_list("number", "snapshot")) == releases
