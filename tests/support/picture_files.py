"""Picture files made in memory for the upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
MAKE = 0x010F


def picture_bytes(width=1600, height=900, format="JPEG", mode="RGB", location=False):
    """A striped picture (so it compresses like a real one); optionally with a GPS tag."""
    picture = Image.new(mode, (width, height), "white")
    for x in range(0, width, 40):
        picture.paste("navy" if mode != "1" else 0, (x, 0, x + 20, height))
    options = {}
    if location:
        exif = Image.Exif()
        exif[MAKE] = "Test camera"
        exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
        options["exif"] = exif
    buffer = io.BytesIO()
    picture.save(buffer, format, **options)
    return buffer.getvalue()


def upload(content, name="stretch.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)
