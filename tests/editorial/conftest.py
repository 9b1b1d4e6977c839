import pytest


@pytest.fixture
def article(make_article):
    """The page the workflow tests change: a short published article."""
    return make_article(title="Water", body="## Start\n\nDrink some water every day.")
