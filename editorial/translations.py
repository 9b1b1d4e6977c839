"""Keeping translations in step with their English page (docs/languages.md).

A page in another language is its own row, with its own draft and sign-off. When a clinician
approves a change to the English page, its translations no longer say the same and are marked
out of date, for editors to update (the admin lists them); when a translation's own draft is
approved, it was checked against the English page that day.
"""

from django.utils import timezone


def after_approval(live, changed):
    """What an approval means for the page's translations (pages without languages: nothing)."""
    if not hasattr(live, "translation_out_of_date"):
        return
    if live.language == "en":
        if changed:
            live.translations.update(translation_out_of_date=True)
        return
    live.checked_against_english_on = timezone.localdate()
    live.translation_out_of_date = False
    live.save(update_fields=["checked_against_english_on", "translation_out_of_date"])


def delete_refusal(page):
    """Why the page may not be deleted yet, or "": an English page's translations would be
    left saying what no English page says any more, without anyone deciding about them."""
    if not hasattr(page, "translation_out_of_date") or page.language != "en":
        return ""
    titles = ", ".join(f"“{t.title}”" for t in page.translations.order_by("pk"))
    if not titles:
        return ""
    return (
        f"“{page}” has a translation, {titles}, so it was not deleted. Delete the translation "
        "first (or keep both), so that no translation is left without its English page."
    )
