"""Settings for the inner thigh cramps site, driven by environment variables.

Every value a deployment may change is read here, once, with a safe default. See README.md
for the list and docs/deploy.md for production values.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name, default=False):
    """A yes/no setting; a word that is neither (a typo) stops the site rather than guess."""
    value = (os.environ.get(name) or "").strip().lower()
    if not value:
        return default
    if value not in TRUE_WORDS | FALSE_WORDS:
        raise ImproperlyConfigured(
            f"{name}={value!r}: use one of {', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}"
        )
    return value in TRUE_WORDS


def env_list(name, default):
    value = os.environ.get(name) or default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def site_url(value):
    """The site's public address: a scheme and a host (and port), nothing after them."""
    value = value.rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
        raise ImproperlyConfigured(f"SITE_URL must look like https://example.org, not {value!r}.")
    return value


def read_secret_key(debug):
    """The key comes from the environment, or from the git-ignored file `make` generates."""
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    key_file = BASE_DIR / ".secret_key"
    if not key and key_file.exists():
        key = key_file.read_text().strip()
    if not key and debug:
        key = "development-only-insecure-key"
    if not key:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or run `make run`, which makes one).")
    return key


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = read_secret_key(DEBUG)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
HTTPS = env_bool("DJANGO_HTTPS")
# Canonical links, the sitemap and robots.txt name the site by this address, never by the
# Host header a request happened to carry.
SITE_URL = site_url(os.environ.get("SITE_URL") or "http://127.0.0.1:8000")
EMERGENCY_NUMBER = os.environ.get("EMERGENCY_NUMBER", "911")
# Who publishes the site and how to reach them, shown on the About page and to search engines.
# Never made up: empty until the deploy sets them, and `check --deploy` warns while they are.
SITE_PUBLISHER_NAME = os.environ.get("SITE_PUBLISHER_NAME", "").strip()
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "").strip()
TRIAGE_RETENTION_DAYS = env_int("TRIAGE_RETENTION_DAYS", 30)
# Proxies in front that append to X-Forwarded-For; 0 means the header is never trusted
# (common/client_address.py).
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
# A less guessable admin address cuts noise from bots; the lockout below does the real work.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "cramps_site",
    "editorial",
    "bootstrap",
    "reversion",
    "csp",
    "axes",
    "education",
    "triage",
]

MIDDLEWARE = [
    # Before the host check and the HTTPS redirect, so a load balancer is answered.
    "cramps_site.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cramps_site.middleware.PermissionsPolicyMiddleware",
    "cramps_site.middleware.ContentSecurityPolicyMiddleware",
    "cramps_site.middleware.AdminNoIndexMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "education.middleware.PictureFileMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's: /es/... is Spanish, everything else English
    # (docs/languages.md); never a cookie or the browser's preference.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cramps_site.middleware.QuestionnaireNoStoreMiddleware",
    "cramps_site.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one account from one address lock that pair for 30 minutes. Locking
# the account alone would let anyone lock an editor out; locking the address alone would let
# one person lock out everyone behind the same office network (docs/deploy.md).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "common.client_address.client_address"

# No inline script or style, nothing from elsewhere, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Bootstrap draws checkboxes with data: SVGs
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CSP_UPDATE = {"style-src": ["'unsafe-inline'"]}

ROOT_URLCONF = "cramps_site.urls"
WSGI_APPLICATION = "cramps_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cramps_site.context_processors.site",
                "education.languages.languages",
            ],
        },
    },
]

# SQLite by default; WAL, a busy timeout and immediate transactions keep concurrent
# questionnaire submissions from failing with "database is locked".
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# One cache shared by every worker process: Redis across machines, else files on this one
# (a per-process memory cache could not see another worker's invalidation). It only speeds
# the site up: with Redis unreachable, pages are built without it (docs/caching.md), and the
# short timeouts keep a Redis that hangs from holding up requests.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cramps_site.cache_backend.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "cramps",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or BASE_DIR / ".cache",
        }
    }

# How long each worker trusts its own copy of the content generation and of the pages it
# served (cramps_site/page_cache.py): a change made on another server reaches it within
# this many seconds. 0 reads the shared cache for every page.
PAGE_CACHE_PROCESS_SECONDS = env_int("PAGE_CACHE_PROCESS_SECONDS", 1)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# collectstatic's folder; a site run beside another (tests, the benchmark) names its own.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded pictures (education.pictures): on this machine's disk by default. With more than
# one app server, every server must see the same files: see docs/deploy.md.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
# Hashed static files are cached by browsers for good (whitenoise marks them immutable).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Questionnaire answers live in the session until a result is stored: health information,
# so sessions last a working day, and the CSRF token rides in the same (one) cookie.
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_USE_SESSIONS = True
CSRF_FAILURE_VIEW = "cramps_site.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Clinical sign-off: the next review falls due this many months after each sign-off.
EDITORIAL_REVIEW_INTERVAL_MONTHS = env_int("EDITORIAL_REVIEW_INTERVAL_MONTHS", 12)
# The admin's front page, its "due soon" filter and review_due list the pages overdue and
# those due within this many days.
EDITORIAL_REVIEW_WARNING_DAYS = env_int("EDITORIAL_REVIEW_WARNING_DAYS", 30)


def email_settings(url):
    """SMTP from EMAIL_URL (smtp://user:password@host:587, smtps:// for SSL on connect;
    add ?tls=1 for STARTTLS), else from the usual EMAIL_* variables, else the console."""
    if url:
        parts = urlsplit(url)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": parse_qs(parts.query).get("tls") == ["1"],
        }
    if os.environ.get("EMAIL_HOST"):
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": os.environ["EMAIL_HOST"],
            "EMAIL_PORT": env_int("EMAIL_PORT", 25),
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL"),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS"),
        }
    return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


globals().update(email_settings(os.environ.get("EMAIL_URL", "")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
