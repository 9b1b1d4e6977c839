"""axe-core checks for browser tests (bundled by axe-playwright-python, so they run offline):
WCAG 2.2 AA, on a whole page or a part of it."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}

axe = Axe()


def assert_no_violations(page, within=None):
    """No violation on the page, or within the part of it a CSS selector names."""
    results = axe.run(page, context=within, options=WCAG_AA)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0, (
        f"{page.url}: {results.generate_snapshot()} (report printed above)"
    )
