import re

from django.contrib.auth.models import User
from django.core.management import call_command


def test_creates_admin_with_a_random_password_printed_once(db, capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)

    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out

    password = re.search(r"password: (\S+)", first).group(1)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password) and len(password) >= 12
    assert password not in second and "changepassword admin" in second


def test_uses_the_password_from_the_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long chosen passphrase")

    call_command("ensure_admin")

    assert User.objects.get(username="admin").check_password("a long chosen passphrase")
