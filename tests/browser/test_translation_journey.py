"""Adding a translation in a real browser: from the English page's form to the add form with
the language and English page chosen and the English words shown, then a saved draft whose
preview is the Spanish page. axe checks the translation boxes the admin adds."""

from playwright.sync_api import expect

from education.models import Article
from tests.support.accessibility import assert_no_violations
from tests.support.browser_steps import log_in, staff


def test_an_editor_adds_a_spanish_translation_from_the_english_page(new_page):
    staff("browser-editor", "Editors")
    english = Article.objects.create(
        title="Water and cramps",
        slug="water-and-cramps",
        summary="Drinking enough.",
        body="## Does water help?\n\nDrink when you are thirsty.",
    )
    editor = new_page()
    log_in(editor, "browser-editor")

    editor.goto(f"/admin/education/article/{english.pk}/change/")
    assert_no_violations(editor, within="#translation")
    editor.get_by_role("link", name="Add the Spanish translation").click()

    expect(editor.locator("#id_language")).to_have_value("es")
    expect(editor.locator("#id_translation_of")).to_have_value(str(english.pk))
    editor.get_by_text("Show its words").click()
    expect(editor.locator("#english-page")).to_contain_text("Drink when you are thirsty.")
    assert_no_violations(editor, within="#english-page")
    editor.locator("#id_title").fill("El agua y los calambres")
    editor.locator("#id_slug").fill("el-agua-y-los-calambres")
    editor.locator("#id_summary").fill("Beber lo suficiente.")
    editor.locator("#id_body").fill("## ¿Ayuda el agua?\n\nBeba cuando tenga sed.")
    editor.locator("input[name=_save]").click()
    expect(editor.locator(".messagelist")).to_contain_text("Saved as a draft")

    editor.get_by_role("link", name="Preview the draft").click()
    expect(editor.locator("h1")).to_have_text("El agua y los calambres")
    expect(editor.locator("html")).to_have_attribute("lang", "es")
