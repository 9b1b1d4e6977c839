import os

from django.core.wsgi import get_wsgi_application

from education.caching import serve_cached_pages

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cramps_site.settings")

application = serve_cached_pages(get_wsgi_application())
