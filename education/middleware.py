from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed

from education import pictures

FOREVER = "public, max-age=31536000, immutable"


class PictureFileMiddleware:
    """Serves picture renditions from the default storage under MEDIA_URL/images/.

    Whitenoise only knows files present at start-up, and renditions are made later, by
    editors. Names are a content hash (education.pictures), so each may be cached for good.
    Only names of that exact shape are served, which rules out any other file and any path
    traversal. It sits before GZipMiddleware: compressed pictures do not get smaller.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"{settings.MEDIA_URL}{pictures.FOLDER}/"

    def __call__(self, request):
        if not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        try:
            return self.serve(request, request.path_info.removeprefix(self.prefix))
        except Http404:
            return HttpResponse("Not found", status=404, content_type="text/plain")

    def serve(self, request, filename):
        match = pictures.RENDITION_NAME.fullmatch(filename)
        if match is None:
            raise Http404
        name = f"{pictures.FOLDER}/{filename}"
        try:
            file = default_storage.open(name)
        except FileNotFoundError as error:
            raise Http404 from error
        content_type = pictures.CONTENT_TYPES[match.group("extension")]
        if request.method == "HEAD":
            file.close()
            response = HttpResponse(content_type=content_type)
            response["Content-Length"] = default_storage.size(name)
        else:
            response = FileResponse(file, content_type=content_type)
        response["Cache-Control"] = FOREVER
        return response
