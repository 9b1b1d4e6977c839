"""Requests declaring a character set the site cannot read are refused in the WSGI layer.

Django decodes the query string in the declared charset while it builds the request, before
any middleware or error handler runs, so a non-text codec (rot13, base64, zlib...) makes it
raise there and gunicorn answers a bare 500 with a traceback. Unknown names Django would
silently ignore; they are refused too, as a request that says what it cannot mean.
"""

import functools

from django.utils.http import parse_header_parameters

# Query strings and form posts are ASCII with percent-escapes; a usable charset keeps them so.
ASCII_FORM_DATA = b"field=value&other=a..b%20c"
EVERY_BYTE = bytes(range(256))
REFUSAL = (
    b"Bad request: this site reads requests in UTF-8 and cannot read the character set "
    b"this request declares. Send it again without a charset, or with charset=utf-8.\n"
)


@functools.lru_cache(maxsize=64)
def readable_charset(name):
    """Whether Django can decode any bytes in this charset without raising, as it must."""
    try:
        # Django decodes with errors="replace": anything that still raises cannot be read.
        EVERY_BYTE.decode(name, "replace")
        return ASCII_FORM_DATA.decode(name, "replace") == ASCII_FORM_DATA.decode("ascii")
    except (LookupError, ValueError):  # unknown, not a text encoding, or a domain-name codec
        return False


def refuse_unreadable_charsets(application):
    """WSGI wrapper: a 400 for a declared charset Django cannot read, before Django sees it."""

    def checked(environ, start_response):
        _, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        if "charset" in params and not readable_charset(params["charset"].lower()):
            start_response(
                "400 Bad Request",
                [
                    ("Content-Type", "text/plain; charset=utf-8"),
                    ("Content-Length", str(len(REFUSAL))),
                    ("X-Content-Type-Options", "nosniff"),
                ],
            )
            return [REFUSAL]
        return application(environ, start_response)

    return checked
