"""Pictures as readers meet them: the right size for the screen, their space kept while they
load, lazy ones loading when scrolled to; and an editor placing a new one."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.support.browser_steps import (
    DESKTOP,
    PAGE_TYPES,
    PHONE,
    SCREENSHOTS,
    STRETCHES_URL,
    sideways_overflow,
)
from tests.support.picture_files import picture_bytes

PASSWORD = "a long browser-test passphrase"
LOADED = "img => img.complete && img.naturalWidth > 0"
BOX = "img => { const box = img.getBoundingClientRect(); return [box.width, box.height]; }"


def load_every_picture(page):
    """Scroll each figure into view (as a reader would) and wait until its picture is in."""
    for img in page.locator("figure img").all():
        img.scroll_into_view_if_needed()
        page.wait_for_function(LOADED, arg=img.element_handle())


@pytest.mark.parametrize(("viewport", "width"), [(PHONE, 480), (DESKTOP, 800)])
def test_the_browser_picks_a_webp_just_wide_enough(new_page, live_server, viewport, width):
    page = new_page(viewport)
    PAGE_TYPES["article-with-photo"](page, live_server.url)
    photo = page.locator("figure img").first

    expect(photo).to_have_attribute("loading", "eager")
    page.wait_for_function(LOADED, arg=photo.element_handle())
    assert photo.evaluate("img => img.currentSrc").endswith(f"-{width}.webp")


def test_a_lazy_picture_keeps_its_space_before_it_loads(phone_page, live_server):
    phone_page.goto(STRETCHES_URL)
    last = phone_page.locator("figure img").last

    width, height = last.evaluate(BOX)

    assert last.evaluate("img => img.naturalWidth") == 0  # far below: not loaded yet
    ratio = int(last.get_attribute("height")) / int(last.get_attribute("width"))
    assert height == pytest.approx(width * ratio, abs=1)


@pytest.mark.parametrize("name", ["article", "article-with-drawings", "article-with-photo"])
def test_pictures_load_and_fit_a_small_phone_and_a_desktop(phone_page, live_server, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    PAGE_TYPES[name](phone_page, live_server.url)

    for viewport in (PHONE, DESKTOP):
        phone_page.set_viewport_size(viewport)
        load_every_picture(phone_page)
        for img in phone_page.locator("figure img").all():
            assert img.evaluate(BOX)[0] <= viewport["width"]
        assert sideways_overflow(phone_page) <= 0
        path = SCREENSHOTS / f"pictures-{name}-{viewport['width']}.png"
        phone_page.screenshot(path=path, full_page=True)


def test_pictures_print_with_their_captions(page, live_server):
    page.goto(STRETCHES_URL)
    load_every_picture(page)

    page.emulate_media(media="print")

    for figure in page.locator("figure").all():
        expect(figure.locator("img")).to_be_visible()
        expect(figure.locator("figcaption")).to_be_visible()


def test_an_editor_uploads_a_picture_and_places_it_in_an_article(page):
    User.objects.create_superuser("browser-admin", password=PASSWORD)
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("browser-admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto("/admin/education/image/add/")
    page.get_by_label("Title").fill("Chair stretch")
    page.get_by_label("Picture file").set_input_files(
        {"name": "chair.jpg", "mimeType": "image/jpeg", "buffer": picture_bytes(900, 600)}
    )
    # Exactly: the Spanish alt text is labelled "Spanish alt text".
    page.get_by_label("Alt text:", exact=True).fill("A person holding a chair while stretching.")
    page.get_by_label("Credit").fill("Photo: our staff")
    page.get_by_label("License").fill("Taken by our staff")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    reference = page.get_by_label("Reference to copy").input_value()

    page.goto("/admin/education/article/")
    page.get_by_role("link", name="How to ease and prevent inner thigh cramps").click()
    body = page.locator("#id_body")
    body.evaluate("box => box.setSelectionRange(0, 0)")  # the cursor at the start
    page.get_by_role("button", name="Insert Chair stretch into the body").click()
    assert body.input_value().startswith(f"{reference}\n\n")
    page.locator("input[name=_save]").click()
    # Placing a picture changes the article: a draft, previewed as readers will see it.
    expect(page.locator(".messagelist")).to_contain_text("Saved as a draft")

    page.get_by_role("link", name="Preview the draft").click()
    photo = page.get_by_role("img", name="A person holding a chair while stretching.")
    expect(photo).to_be_visible()
    page.wait_for_function(LOADED, arg=photo.element_handle())
