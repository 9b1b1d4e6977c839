import reversion
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from editorial.models import Draft
from editorial.roles import load_roles
from education import shipped_content as content
from education.models import Article, Language, SitePage, Source
from education.signals import content_loaded
from triage import data_files


class Command(BaseCommand):
    """Load what a fresh install needs besides its schema; `make run` and the tests run it
    after `migrate`, and loading twice changes nothing. It loads:

    - the editorial roles, Editors and Clinical reviewers, and their permissions, from
      editorial/data/roles.yaml (editorial/roles.py);
    - the shipped articles and site pages, and their Spanish translations, from
      education/content/ (README, "Shipped content");
    - the symptom checker, once: with no release yet, its rows from triage/data/ and release 1
      from them (triage.data_files.load_checker).

    Nothing changed in the admin is loaded over: a row keeps the fingerprint of what the
    loader gave it, and one that no longer matches it is kept; once the checker has a
    release, its rows are the clinical reviewers' draft and are never loaded over.
    """

    help = (
        "Load the editorial roles, the shipped articles and site pages (and their Spanish "
        "translations), and the symptom checker with its first release. Safe to run again: "
        "unchanged files change nothing, and nothing changed in the admin is overwritten."
    )

    def handle(self, **options):
        try:
            with transaction.atomic():
                outcomes = [
                    *((f"role {name}", outcome) for name, outcome in load_roles()),
                    *self.load_pages(),
                    # After the articles, which the checker's advice links to.
                    ("symptom checker", self.load_checker()),
                ]
        except content.ContentFileError as error:
            raise CommandError(str(error)) from error
        # Whatever was kept from the content is rebuilt, even if no file changed: a release
        # may change templates and care signs too (cramps_site/apps.py).
        content_loaded.send(sender=self.__class__)
        if options["verbosity"]:
            for name, outcome in outcomes:
                self.stdout.write(f"{name}: {outcome}")

    def load_checker(self):
        outcome = data_files.load_checker()
        if outcome == "created":
            # A revision for each row, as for rows made any other way: restoring one row's
            # old version must not take its neighbours back too.
            call_command(
                "createinitialrevisions", "triage", comment="Initial version.", verbosity=0
            )
        return outcome

    def load_pages(self):
        """Articles and site pages, English first: the translations point at them."""
        with reversion.create_revision():
            reversion.set_comment("Loaded from the shipped content files.")
            return self.load_page_files()

    def load_page_files(self):
        articles = self.read(content.ARTICLES_DIR, content.article_fields_from_file)
        pages = self.read(content.PAGES_DIR, content.site_page_fields_from_file)
        spanish_articles = self.read(
            content.SPANISH_ARTICLES_DIR,
            content.translation_fields_from_file(content.article_fields_from_file),
        )
        spanish_pages = self.read(
            content.SPANISH_PAGES_DIR,
            content.translation_fields_from_file(content.site_page_fields_from_file),
        )
        article_fields = content.translation_fields(content.article_fields)
        page_fields = content.translation_fields(content.site_page_fields)
        outcomes = [
            *self.load(Article, articles, content.article_fields, self.write_article),
            *self.load(SitePage, pages, content.site_page_fields, self.write_page),
            *self.load(Article, spanish_articles, article_fields, self.write_article),
            *self.load(SitePage, spanish_pages, page_fields, self.write_page),
        ]
        self.link_related({**articles, **spanish_articles}, outcomes)
        return outcomes

    def read(self, folder, fields_from_file):
        """{slug: fields} for every file in the folder; a file is named after its slug."""
        loaded = {}
        for content_file in content.read_folder(folder):
            fields = fields_from_file(content_file)
            slug = content_file.meta["slug"]
            if content_file.path.stem != slug:
                raise content.ContentFileError(f"{content_file.path.name}: name it {slug}.md")
            loaded[slug] = fields
        return loaded

    def load(self, model, files, fields_of, write):
        existing = model.objects.in_bulk(list(files), field_name="slug")
        for slug, fields in files.items():
            row = existing.get(slug)
            outcome = content.decide(row, row and fields_of(row), fields)
            if row is not None and Draft.objects.open().for_object(row).exists():
                # An editor's draft is waiting: changing the live page under it would make
                # the reviewer approve a change against a page that is no longer there.
                outcome = content.Outcome.KEPT_EDITORS_CHANGE
            if outcome == content.Outcome.CREATED and translated_in_admin(model, fields):
                # An editor added this page's translation, at its own slug: it is kept.
                outcome = content.Outcome.KEPT_EDITORS_CHANGE
            if outcome in (content.Outcome.CREATED, content.Outcome.UPDATED):
                row = row or model(slug=slug)
                # New words need a new clinical sign-off: the page says it is not yet reviewed.
                row.latest_signoff = None
                row.content_hash = content.fingerprint(fields)
                if "translation_of" in fields:
                    self.make_translation(row, model, fields["translation_of"])
                write(row, fields)
            yield slug, outcome

    def make_translation(self, row, model, english_slug):
        english = model.objects.filter(language=Language.ENGLISH, slug=english_slug).first()
        if english is None:
            raise content.ContentFileError(f"{row.slug}.md: no English page {english_slug}")
        row.language, row.translation_of = Language.SPANISH, english

    def write_page(self, page, fields):
        page.title, page.summary, page.body = fields["title"], fields["summary"], fields["body"]
        page.save()

    def write_article(self, article, fields):
        for name in ("title", "summary", "body", "order", "group"):
            setattr(article, name, fields[name])
        if article.pk is None:
            article.status = Article.Status.PUBLISHED
            article.publish_at = timezone.now()
        try:
            article.clean()  # an unknown picture reference would silently vanish from the page
        except ValidationError as error:
            raise content.ContentFileError(
                f"{article.slug}.md: {' '.join(error.messages)}"
            ) from error
        article.save()
        article.sources.all().delete()
        for source in fields["sources"]:
            Source.objects.create(article=article, **source)

    def link_related(self, articles, outcomes):
        """Once every article exists, so that any may name any other."""
        written = {
            slug
            for slug, outcome in outcomes
            if outcome in (content.Outcome.CREATED, content.Outcome.UPDATED) and slug in articles
        }
        named = written.union(*(articles[slug]["related"] for slug in written))
        by_slug = Article.objects.in_bulk(list(named), field_name="slug")
        for slug in written:
            unknown = ", ".join(sorted(set(articles[slug]["related"]) - set(by_slug)))
            if unknown:
                raise content.ContentFileError(f"{slug}.md: no article {unknown}")
            by_slug[slug].related.set(by_slug[other] for other in articles[slug]["related"])


def translated_in_admin(model, fields):
    """Whether the English page a translation file names has a Spanish page already."""
    if "translation_of" not in fields:
        return False
    return model.objects.filter(
        language=Language.SPANISH,
        translation_of__language=Language.ENGLISH,
        translation_of__slug=fields["translation_of"],
    ).exists()
