from django.shortcuts import render


def server_error(request):
    """The 500 page with the site's own layout, so the emergency advice still shows.

    It needs no database: the base template reads only settings and static files.
    """
    return render(request, "500.html", status=500)
