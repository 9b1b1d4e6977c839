from django.core.management.base import BaseCommand
from django.utils import timezone

from education.models import REVIEW_WARNING_DAYS, Article


class Command(BaseCommand):
    help = (
        f"List articles whose clinical review is overdue or due within {REVIEW_WARNING_DAYS} "
        "days. Exits 1 when any is overdue (for a daily timer)."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        due = Article.objects.review_due_soon(today).order_by("next_review_due")
        overdue = 0
        for article in due:
            late = article.next_review_due < today
            overdue += late
            state = "OVERDUE" if late else "due soon"
            self.stdout.write(
                f"{state}: {article.title} (next review due {article.next_review_due:%Y-%m-%d})"
            )
        self.stdout.write(
            f"{overdue} overdue, {len(due) - overdue} due within {REVIEW_WARNING_DAYS} days"
        )
        if overdue:
            raise SystemExit(1)
