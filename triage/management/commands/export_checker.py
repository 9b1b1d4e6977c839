"""Write the published release (or another, with --release) as the checker's data files, in
the format of triage/data/, so a clinician can read and diff any release in version control."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from triage.data_files import write_snapshot
from triage.models import CheckerRelease


class Command(BaseCommand):
    help = "Write the published checker release as data files (the format of triage/data/)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--release", type=int, help="A release number; the published one if left out."
        )

    def handle(self, directory, release=None, **options):
        releases = CheckerRelease.objects.numbered()
        if release is None:
            chosen = releases.filter(status=CheckerRelease.Status.PUBLISHED).first()
        else:
            chosen = releases.filter(number=release).first()
        if chosen is None:
            raise CommandError(
                f"There is no release {release}." if release else "No release is published."
            )
        write_snapshot(chosen.snapshot, directory)
        self.stdout.write(f"Wrote release {chosen.number} to {directory}.")
