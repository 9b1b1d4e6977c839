"""Adding and linking translations in the admin (docs/languages.md).

An English page's form links to its Spanish translation, or to the add form filled in for
one. A page's language and the English page it translates are chosen when it is added and
never change after: the change form shows them read-only, so a posted value is ignored.
The model (MarkdownPage.translation_problem and its constraint) refuses a bad link, whoever
posts it, as a form error.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from reversion.models import Version

from editorial.revisions import EditorialForm
from education.models import Language, SitePage

LINK_FIELDS = ["language", "translation_of"]
TRANSLATED_INTO = Language.SPANISH


class TranslatedPageForm(EditorialForm):
    """Adding a translation locks its English page's row until the add commits (the admin
    saves in one transaction): two editors adding a translation of one page at once go one
    after the other, and the second gets the form error, not the database's refusal. A
    deletion of the English page, which locks it too (editorial/drafts.py), waits as well."""

    class Meta:
        # Slugs are unique across languages.
        error_messages = {
            "slug": {
                "unique": "Another page, in English or Spanish, already has this address. "
                "A translation has its own: write it in the page's language."
            }
        }

    def clean(self):
        cleaned = super().clean()
        english = cleaned.get("translation_of")
        if self.instance.pk is None and english is not None:
            type(english)._default_manager.select_for_update().filter(pk=english.pk).first()
        return cleaned


class SitePageTranslationForm(TranslatedPageForm):
    """A site page is added only as the translation of an English one, at the address its
    language gives that page (SitePage.SPANISH_SLUGS)."""

    def clean(self):
        cleaned = super().clean()
        english = cleaned.get("translation_of")
        if self.instance.pk is None and cleaned.get("language") == Language.ENGLISH:
            self.add_error("language", "The English site pages are shipped: add a translation.")
        elif self.instance.pk is None and english is not None:
            self.instance.slug = SitePage.SPANISH_SLUGS.get(english.slug, "")
            if not self.instance.slug:
                self.add_error("translation_of", "This page has no Spanish address yet.")
            elif SitePage.objects.filter(slug=self.instance.slug).exists():
                self.add_error(None, f"A page already has the address “{self.instance.slug}”.")
        return cleaned


class TranslatedPageAdmin:
    """For the admin of a MarkdownPage model: the language fields and the translation links."""

    change_form_template = "admin/education/translated_page_form.html"
    # Copied from the English page into the add form of its translation.
    shared_with_translation = []

    def get_readonly_fields(self, request, obj=None):
        fixed = LINK_FIELDS if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *fixed]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        language = ("Language", {"fields": LINK_FIELDS})
        return [fieldsets[0], language, *fieldsets[1:]]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        english = self._english_page(request, initial.get("translation_of"))
        for name in self.shared_with_translation if english else []:
            initial.setdefault(name, getattr(english, name))
        return initial

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        context = {**(extra_context or {}), **self._translation_context(request, object_id)}
        return super().changeform_view(request, object_id, form_url, context)

    def _translation_context(self, request, object_id):
        if object_id is None:  # adding: the English page named in the address, if any
            english = self._english_page(request, request.GET.get("translation_of"))
            return {"english_page": english} if english else {}
        page = self.get_object(request, unquote(object_id))
        if page is None:
            return {}
        if page.language != Language.ENGLISH:
            return {"english_page": page.translation_of}
        return {"translation_link": self.translation_link(page)}

    def _english_page(self, request, pk):
        """The English page with this key from an address, or None. The admin's own lookup
        finds no page for a key that is no number (typed or tampered with), not an error."""
        page = self.get_object(request, pk) if pk else None
        return page if page is not None and page.language == Language.ENGLISH else None

    def translation_link(self, english):
        """The link to the page's Spanish translation, or to the form that adds it."""
        translation = english.translations.filter(language=TRANSLATED_INTO).first()
        opts = self.model._meta
        if translation is not None:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[translation.pk])
            return format_html('<a href="{}">Open the Spanish translation</a>', url)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        query = urlencode({"language": TRANSLATED_INTO, "translation_of": english.pk})
        return format_html('<a href="{}?{}">Add the Spanish translation</a>', url, query)

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted translation whose English page has another one meanwhile (or is gone)
        is not recovered: say so, rather than the database's refusal."""
        version = Version.objects.get_deleted(self.model).filter(pk=version_id).first()
        page = version._object_version.object if version is not None else None
        if page is not None and page.language != Language.ENGLISH:
            taken = self.model._default_manager.filter(
                translation_of=page.translation_of_id, language=page.language
            )
            english = self.model._default_manager.filter(pk=page.translation_of_id)
            if taken.exists() or not english.exists():
                messages.error(request, recovery_refusal(page, taken.first()))
                opts = self.model._meta
                changelist = f"admin:{opts.app_label}_{opts.model_name}_changelist"
                return HttpResponseRedirect(reverse(changelist))
        return super().recover_view(request, version_id, extra_context)


def recovery_refusal(page, other):
    if other is None:
        return f"“{page}” was not recovered: the English page it translated was deleted."
    return (
        f"“{page}” was not recovered: its English page has another translation in this "
        f"language meanwhile, “{other}”. Edit that one instead."
    )
