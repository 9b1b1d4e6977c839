"""Keyboard focus is easy to see on every control (GOV.UK's focus style): a ring or thick
line of at least 2 px, and text that stays readable on the focus colour."""

import pytest

from tests.support.browser_steps import PAGE_TYPES, PHONE

MIN_RING_PX = 2
MIN_CONTRAST = 4.5
TAP_TARGET_PX = 40

# The focused element's visible indicator: an opaque outline's width, or the largest offset
# or spread of an opaque box shadow; and the contrast of its text on the colour behind it.
FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rgba = text => (text.match(/[\\d.]+/g) || []).map(Number);
    const opaque = colour => colour && rgba(colour)[3] !== 0;
    const outline = style.outlineStyle !== "none" && opaque(style.outlineColor)
        ? parseFloat(style.outlineWidth) : 0;
    const shadows = style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/);
    const shadow = Math.max(0, ...shadows.filter(s => opaque(s.match(/rgba?\\([^)]*\\)/)?.[0]))
        .map(s => Math.max(...s.replace(/rgba?\\([^)]*\\)/, "").match(/-?[\\d.]+px/g)
            .map(px => Math.abs(parseFloat(px))))));
    let behind = el, background = "rgba(0, 0, 0, 0)";
    while (behind && !opaque(background)) {
        background = getComputedStyle(behind).backgroundColor;
        behind = behind.parentElement;
    }
    if (!opaque(background)) background = "rgb(255, 255, 255)";
    const luminance = colour => {
        const [r, g, b] = rgba(colour).slice(0, 3).map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(style.color), luminance(background)].sort((a, b) => b - a);
    return {
        name: `${el.tagName} ${el.name || ""} ${el.textContent.trim().slice(0, 30)}`,
        ring: Math.max(outline, shadow),
        contrast: (light + 0.05) / (dark + 0.05),
    };
}"""


def focus_styles(page):
    """Tab through the whole page, once, and measure each control as it takes focus."""
    page.locator("body").focus()
    seen, styles = set(), []
    for _ in range(200):
        page.keyboard.press("Tab")
        key = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
        if key in seen or page.evaluate("() => document.activeElement === document.body"):
            break
        seen.add(key)
        styles.append(page.evaluate(FOCUS_STYLE))
    return styles


@pytest.mark.parametrize("name", ["home", "article", "question-1", "search-results"])
def test_every_control_shows_a_thick_focus_ring_with_readable_text(page, live_server, name):
    PAGE_TYPES[name](page, live_server.url)

    styles = focus_styles(page)

    assert len(styles) > 5
    thin = [s["name"] for s in styles if s["ring"] < MIN_RING_PX]
    assert thin == [], f"{name}: focus hard to see on {thin}"
    unreadable = [(s["name"], round(s["contrast"], 1)) for s in styles if s["contrast"] < 4.5]
    assert unreadable == [], f"{name}: text unreadable when focused: {unreadable}"


def test_header_links_are_dark_on_yellow_when_focused(page):
    page.goto("/")
    page.locator("body").focus()
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")

    style = page.evaluate(
        "() => [getComputedStyle(document.activeElement).color,"
        " getComputedStyle(document.activeElement).backgroundColor]"
    )
    assert style == ["rgb(11, 12, 12)", "rgb(255, 221, 0)"]


def test_answer_boxes_are_big_enough_to_tap_on_a_phone(new_page, live_server):
    page = new_page(PHONE)
    PAGE_TYPES["question-1"](page, live_server.url)

    sizes = page.locator("input[type='radio']").evaluate_all(
        "boxes => boxes.map(box => [box.offsetWidth, box.offsetHeight])"
    )
    assert sizes and all(min(size) >= TAP_TARGET_PX for size in sizes), sizes
