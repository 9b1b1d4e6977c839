"""An editor, in a real browser: log in, edit an article, see it on the site, restore it."""

from django.contrib.auth.models import User
from playwright.sync_api import expect

from education.models import Article

PASSWORD = "a long browser-test passphrase"


def test_editor_edits_an_article_sees_it_and_restores_the_previous_version(page):
    User.objects.create_superuser("browser-admin", password=PASSWORD)
    article = Article.objects.published().first()
    original = article.title

    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("browser-admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#reviews-due")).to_be_visible()

    page.goto(f"/admin/education/article/{article.pk}/change/")
    page.locator("#id_title").fill("Inner thigh cramps, explained")
    page.get_by_label("Comment on this change").fill("Clearer title")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Inner thigh cramps, explained")

    page.goto(f"/admin/education/article/{article.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("Clearer title")
    loaded = page.locator("#change-history tbody tr", has_text="Loaded from the shipped content")
    loaded.locator("a").click()
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(article.get_absolute_url())
    expect(page.locator("h1")).to_have_text(original)
