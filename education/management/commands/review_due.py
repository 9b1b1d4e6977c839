from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from education.models import Article


class Command(BaseCommand):
    @property
    def help(self):
        return (
            "List articles never signed off by a clinician, or whose clinical review is "
            f"overdue or due within {settings.EDITORIAL_REVIEW_WARNING_DAYS} days. Exits 1 "
            "when any is unreviewed or overdue (for a daily timer)."
        )

    def handle(self, *args, **options):
        due = (
            Article.objects.review_due_soon()
            .select_related("latest_signoff")
            .order_by(F("latest_signoff__next_review_due").asc(nulls_first=True), "title")
        )
        overdue = 0
        for article in due:
            overdue += article.review_overdue
            self.stdout.write(f"{review_state(article)}: {article.title}")
        self.stdout.write(
            f"{overdue} unreviewed or overdue, {len(due) - overdue} due within "
            f"{settings.EDITORIAL_REVIEW_WARNING_DAYS} days"
        )
        if overdue:
            raise CommandError(f"{overdue} unreviewed or overdue", returncode=1)


def review_state(article):
    if article.next_review_due is None:
        return "NOT YET REVIEWED"
    state = "OVERDUE" if article.review_overdue else "due soon"
    return f"{state} (next review due {article.next_review_due:%Y-%m-%d})"
