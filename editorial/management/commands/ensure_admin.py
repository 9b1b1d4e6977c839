import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Make sure the 'admin' account exists. On first run its password is "
        "DJANGO_SUPERUSER_PASSWORD, or a random one printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"Admin login: username '{USERNAME}', with the password printed when it was "
                f"created. To set a new one: python manage.py changepassword {USERNAME}"
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the admin account. Log in at /admin/ with username '{USERNAME}' "
                f"and password: {password}\nThis password is shown only once."
            )
        )
