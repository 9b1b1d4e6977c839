"""What may import what, read from the source: the benchmark stands on its own feet, and
the apps know nothing of the cache or of the project around them (docs/caching.md)."""

import pytest

from tests.support import REPOSITORY
from tests.support.imports import imported_modules

APPS = ["education", "editorial", "triage"]
# Left to the project: the apps reach settings through django.conf only.
KEPT_FROM_APPS = ("common.content_generation", "cramps_site")


def python_files(folder):
    return sorted((REPOSITORY / folder).rglob("*.py"))


def within(name, package):
    return name == package or name.startswith(package + ".")


def test_imported_modules_finds_imports_nested_in_functions(tmp_path):
    source = tmp_path / "example.py"
    source.write_text("import os\ndef f():\n    from tests.support import answers\n")

    assert imported_modules(source) == {"os", "tests.support", "tests.support.answers"}


def test_bench_imports_nothing_from_tests():
    found = {
        f"{path.relative_to(REPOSITORY)}: {name}"
        for path in python_files("bench")
        for name in imported_modules(path)
        if within(name, "tests")
    }

    assert not found


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_neither_the_content_generation_nor_the_project(app):
    found = {
        f"{path.relative_to(REPOSITORY)}: {name}"
        for path in python_files(app)
        for name in imported_modules(path)
        if any(within(name, kept) for kept in KEPT_FROM_APPS)
    }

    assert not found
