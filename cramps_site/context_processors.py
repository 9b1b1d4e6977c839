from django.conf import settings


def site(request):
    """What every page may show: the emergency number lives in the footer of each page; the
    publisher and contact address are on the About page."""
    return {
        "EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER,
        "SITE_PUBLISHER_NAME": settings.SITE_PUBLISHER_NAME,
        "SITE_CONTACT_EMAIL": settings.SITE_CONTACT_EMAIL,
    }
