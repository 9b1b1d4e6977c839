"""Pages are styled, fit a small phone, keep lines readable on a wide screen and print
cleanly. Each page type also leaves full-page screenshots for a person to look at."""

import pytest
from playwright.sync_api import expect

from tests.support.browser_steps import DESKTOP, PAGE_TYPES, PHONE, SCREENSHOTS, sideways_overflow

BRAND_BLUE = "rgb(0, 94, 184)"  # --brand in static/css/site.css
READABLE_LINE = 75  # characters

STYLES = """() => ({
    sheets: [...document.styleSheets].map(sheet => [sheet.href, sheet.cssRules.length]),
    header: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
    bodyMargin: getComputedStyle(document.body).marginTop,
})"""

# Width of the paragraph, and of READABLE_LINE zeros in the paragraph's own font.
LINE_MEASURE = """(p, characters) => {
    const style = getComputedStyle(p);
    const probe = document.createElement("span");
    for (const property of ["fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing"]) {
        probe.style[property] = style[property];
    }
    probe.style.whiteSpace = "nowrap";
    probe.style.position = "absolute";
    probe.textContent = "0".repeat(characters);
    document.body.append(probe);
    const limit = probe.getBoundingClientRect().width;
    probe.remove();
    return {width: p.getBoundingClientRect().width, limit};
}"""


def assert_styled(page):
    styles = page.evaluate(STYLES)
    assert len(styles["sheets"]) >= 2, styles  # Bootstrap and site.css
    for href, rules in styles["sheets"]:
        assert rules > 0, f"no CSS rules loaded from {href}"
    assert styles["header"] == BRAND_BLUE, "site.css is not applied"
    assert styles["bodyMargin"] == "0px", "Bootstrap's reboot is not applied"


def test_stylesheets_load_from_the_live_server(page):
    stylesheets = []
    page.on("response", lambda response: stylesheets.append(response))
    page.goto("/")

    css = [response for response in stylesheets if response.request.resource_type == "stylesheet"]
    assert len(css) >= 2 and all(response.ok for response in css), [r.url for r in css]
    assert_styled(page)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_fits_a_small_phone_and_a_desktop(phone_page, live_server, name):
    """No sideways scrolling at 360 px (or 1280 px); a full-page screenshot of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    PAGE_TYPES[name](phone_page, live_server.url)
    assert_styled(phone_page)

    for viewport in (PHONE, DESKTOP):
        phone_page.set_viewport_size(viewport)
        path = SCREENSHOTS / f"{name}-{viewport['width']}.png"
        phone_page.screenshot(path=path, full_page=True)
        overflow = sideways_overflow(phone_page)
        assert overflow <= 0, f"{name} scrolls {overflow} px sideways at {viewport['width']} px"


# Label boxes that do not start on their input's line, or that start left of its right edge.
LABELS_OFF_THEIR_BOX = """() => [...document.querySelectorAll(".form-check")].filter(check => {
    const box = check.querySelector("input").getBoundingClientRect();
    const label = check.querySelector("label").getBoundingClientRect();
    return label.top >= box.bottom || label.left < box.right;
}).map(check => check.querySelector("label").textContent.trim())"""


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_answer_labels_sit_beside_their_boxes_on_a_small_phone(phone_page, live_server, number):
    PAGE_TYPES[f"question-{number}"](phone_page, live_server.url)

    assert phone_page.evaluate(LABELS_OFF_THEIR_BOX) == []


def test_article_lines_are_at_most_about_75_characters_on_a_wide_screen(page):
    page.goto("/articles/")
    urls = page.locator(".article-card a").evaluate_all("links => links.map(a => a.href)")
    assert urls

    for url in urls:
        page.goto(url)
        paragraphs = page.locator(".article-body p")
        assert paragraphs.count()
        for paragraph in paragraphs.all():
            measure = paragraph.evaluate(LINE_MEASURE, READABLE_LINE)
            assert measure["width"] <= measure["limit"], (
                f"{url}: a paragraph is {measure['width']:.0f} px wide, more than "
                f"{READABLE_LINE} characters ({measure['limit']:.0f} px)"
            )


@pytest.mark.parametrize("name", ["result-soon", "result-emergency"])
def test_printed_result_leaves_out_the_site_navigation(page, live_server, name):
    PAGE_TYPES[name](page, live_server.url)
    expect(page.locator(".site-nav")).to_be_visible()

    page.emulate_media(media="print")

    expect(page.locator(".site-nav")).not_to_be_visible()
    expect(page.locator(".result-actions")).not_to_be_visible()  # buttons do nothing on paper
    expect(page.locator("[data-urgency]")).to_be_visible()
    expect(page.get_by_role("heading", name="This is not a diagnosis")).to_be_visible()
