"""The floor: the same page bytes from a bare WSGI function, no framework at all."""

import os
from pathlib import Path

PAGES = {path.name: path.read_bytes() for path in Path(os.environ["FLOOR_PAGES"]).iterdir()}


def application(environ, start_response):
    body = PAGES.get(environ["PATH_INFO"].strip("/").replace("/", "_") or "home", b"")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [body]
