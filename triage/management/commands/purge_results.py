from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triage.models import Result

BATCH_SIZE = 5000


class Command(BaseCommand):
    help = (
        "Delete questionnaire results older than TRIAGE_RETENTION_DAYS. Meant for a daily "
        "timer; deletes in batches so people submitting meanwhile are never locked out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.TRIAGE_RETENTION_DAYS,
            help="Keep results this many days (default: TRIAGE_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = Result.objects.created_before(cutoff)
        deleted = 0
        while batch := list(expired.values_list("pk", flat=True)[:BATCH_SIZE]):
            deleted += Result.objects.filter(pk__in=batch).delete()[0]
        self.stdout.write(f"Deleted {deleted} results older than {days} days.")
