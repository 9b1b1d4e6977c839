"""export_checker writes a release as the data files, so a release can be diffed."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.support.releases import publish_draft
from triage import data_files
from triage.models import Factor


def read_all(directory):
    """The files, with the safety cases by meaning: a case without forbidden advice may
    leave the field out or give an empty list."""
    files = {name: json.loads((directory / name).read_text()) for name in data_files.SNAPSHOT_FILES}
    files["safety_cases.json"] = data_files.cases_from(files["safety_cases.json"])
    return files


def shipped():
    files = data_files.shipped_snapshot()
    files["safety_cases.json"] = data_files.cases_from(files["safety_cases.json"])
    return files


def test_release_1_of_a_fresh_database_is_the_shipped_data_files(db, tmp_path):
    call_command("export_checker", str(tmp_path))

    assert read_all(tmp_path) == shipped()


def test_the_published_release_is_written_and_an_earlier_one_on_request(db, tmp_path):
    Factor.objects.filter(key="overuse").update(title="Doing too much")
    publish_draft()

    call_command("export_checker", str(tmp_path / "now"))
    call_command("export_checker", str(tmp_path / "first"), release=1)

    titles = [f["title"] for f in read_all(tmp_path / "now")["factors.json"]]
    assert "Doing too much" in titles
    assert read_all(tmp_path / "first") == shipped()


def test_an_unknown_release_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="There is no release 9"):
        call_command("export_checker", str(tmp_path), release=9)
