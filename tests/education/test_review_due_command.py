import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone


def run(capsys):
    try:
        call_command("review_due")
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, capsys.readouterr().out.splitlines()


def dated(make_article, title, due_in_days):
    today = timezone.localdate()
    return make_article(
        title=title,
        last_reviewed=today - datetime.timedelta(days=1000),
        next_review_due=today + datetime.timedelta(days=due_in_days),
    )


@pytest.mark.usefixtures("no_articles")
def test_lists_overdue_and_due_soon_articles_and_exits_1(make_article, capsys):
    dated(make_article, "Late", -3)
    dated(make_article, "Soon", 10)
    dated(make_article, "Later", 60)

    code, lines = run(capsys)

    assert code == 1
    assert [line.split(" (")[0] for line in lines[:-1]] == ["OVERDUE", "due soon"]
    assert lines[:-1][0].endswith(": Late") and lines[:-1][1].endswith(": Soon")
    assert lines[-1] == "1 unreviewed or overdue, 1 due within 30 days"


@pytest.mark.usefixtures("no_articles")
def test_exits_0_when_nothing_is_overdue(make_article, capsys):
    dated(make_article, "Soon", 30)

    code, lines = run(capsys)

    assert code == 0 and lines[-1] == "0 unreviewed or overdue, 1 due within 30 days"


def test_shipped_content_never_signed_off_is_listed_as_not_reviewed(db, capsys):
    code, lines = run(capsys)

    assert code == 1
    assert lines[0].startswith("NOT YET REVIEWED: ")
    # The ten articles in English and their ten translations, each with its own sign-off.
    assert lines[-1] == "20 unreviewed or overdue, 0 due within 30 days"
