"""Yes/no settings read from the environment: a typo stops the site instead of a guess."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cramps_site.settings import env_bool


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("Yes", True), (" on ", True), ("0", False), ("false", False), ("off", False)],
)
def test_the_usual_words_for_yes_and_no_are_understood(monkeypatch, value, expected):
    monkeypatch.setenv("CRAMPS_TEST_FLAG", value)

    assert env_bool("CRAMPS_TEST_FLAG") is expected


def test_an_unset_or_empty_setting_takes_its_default(monkeypatch):
    monkeypatch.setenv("CRAMPS_TEST_FLAG", "")

    assert env_bool("CRAMPS_TEST_FLAG", default=True) is True
    assert env_bool("CRAMPS_NEVER_SET_FLAG") is False


@pytest.mark.parametrize("value", ["ture", "2", "enabled", "y e s"])
def test_a_typo_is_refused_naming_the_setting(monkeypatch, value):
    monkeypatch.setenv("CRAMPS_TEST_FLAG", value)

    with pytest.raises(ImproperlyConfigured, match="CRAMPS_TEST_FLAG"):
        env_bool("CRAMPS_TEST_FLAG")
