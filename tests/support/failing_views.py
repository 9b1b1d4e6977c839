"""Views that fail on purpose, for tests of the site's error pages in each language."""

from django.core.exceptions import BadRequest, PermissionDenied


def broken_view(request):
    raise RuntimeError("boom")


def forbidden_view(request):
    raise PermissionDenied


def unreadable_view(request):
    raise BadRequest("unreadable")
