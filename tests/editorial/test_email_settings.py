"""The workflow's emails go through SMTP when configured, else to the console."""

from cramps_site.settings import email_settings


def test_no_email_url_prints_emails_to_the_console(monkeypatch):
    monkeypatch.delenv("EMAIL_HOST", raising=False)

    assert email_settings("") == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_email_url_with_starttls():
    config = email_settings("smtp://mailer:p%40ss@mail.example.org:587?tls=1")

    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("mailer", "p@ss")
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"]


def test_smtps_url_uses_ssl_on_port_465_by_default():
    config = email_settings("smtps://mail.example.org")

    assert config["EMAIL_PORT"] == 465 and config["EMAIL_USE_SSL"]


def test_the_usual_email_variables_work_without_email_url(monkeypatch):
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("EMAIL_PORT", "2525")
    monkeypatch.setenv("EMAIL_USE_TLS", "1")

    config = email_settings("")

    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == (
        "smtp.example.org",
        2525,
        True,
    )
