import os

from django.core.wsgi import get_wsgi_application

from cramps_site.charsets import refuse_unreadable_charsets
from cramps_site.page_cache import serve_stored_pages

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cramps_site.settings")

application = refuse_unreadable_charsets(serve_stored_pages(get_wsgi_application()))
