from django.conf import settings


def site(request):
    """What every page shows: the emergency number lives in the footer of each page."""
    return {"EMERGENCY_NUMBER": settings.EMERGENCY_NUMBER}
