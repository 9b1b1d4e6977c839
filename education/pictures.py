"""Uploaded pictures: checked, stripped of metadata and cut into renditions, once, on save.

Pillow decides what a file is, never its name. Every file written is re-encoded from pixels
alone, so no EXIF block (camera, time, GPS location), comment or color profile survives.
Renditions are named after a hash of their bytes: a name never changes its content, so
browsers may keep them for good (see education.middleware.PictureFileMiddleware).
"""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
# Enough for any camera photo (a 24-megapixel one is 6000 x 4000); more is a mistake or a
# decompression bomb, a small file that would unpack into gigabytes of memory.
MAX_PIXELS = 30_000_000
# WebP cannot hold a side longer than this, so a picture with one could make no rendition.
MAX_SIDE = 16_383
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
RENDITION_WIDTHS = (480, 800, 1200)
FOLDER = "images"
# Pillow format name: (file extension, MIME type, save options)
ENCODINGS = {
    "WEBP": ("webp", "image/webp", {"quality": 80, "method": 4}),
    "JPEG": ("jpg", "image/jpeg", {"quality": 82, "optimize": True, "progressive": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
}
CONTENT_TYPES = {extension: mime for extension, mime, _ in ENCODINGS.values()}
# What save_encoded names a file (inside FOLDER): 20 hex digits of its hash, then its width.
RENDITION_NAME = re.compile(r"[0-9a-f]{20}-[0-9]{1,4}\.(?P<extension>webp|jpg|png)")

NOT_A_PICTURE = "Choose a JPEG, PNG or WebP picture. This file is not one, or it is damaged."
TOO_BIG = "The file is {megabytes:.1f} MB. Choose a picture of 10 MB or less."
TOO_LONG = (
    "The picture is {width} by {height} pixels. Choose one with no side longer than "
    f"{MAX_SIDE:,} pixels."
)
TOO_MANY_PIXELS = (
    "The picture has more than 30 million pixels. Make it smaller (for example 6000 by 4000 "
    "pixels) and upload it again."
)


@dataclass(frozen=True)
class Rendition:
    name: str  # in the default storage
    width: int
    height: int
    format: str  # a key of ENCODINGS

    @property
    def mime_type(self):
        return ENCODINGS[self.format][1]


def open_upload(upload):
    """The uploaded picture, decoded, or a ValidationError saying what is wrong with it."""
    if upload.size > MAX_BYTES:
        raise ValidationError(TOO_BIG.format(megabytes=upload.size / 1024 / 1024), code="size")
    try:
        with warnings.catch_warnings():
            # Pillow warns between MAX_PIXELS and twice that, and refuses beyond: refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ValidationError(NOT_A_PICTURE, code="format")
                probe.verify()  # checks the file's structure without decoding it
            upload.seek(0)
            picture = Image.open(upload)
            picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_A_PICTURE, code="invalid") from error
    if max(picture.size) > MAX_SIDE:
        width, height = picture.size
        raise ValidationError(TOO_LONG.format(width=width, height=height), code="side")
    return picture


def pixels_only(picture):
    """The picture upright, in RGB or RGBA, with no metadata left to copy into a new file."""
    upright = ImageOps.exif_transpose(picture)
    has_alpha = upright.mode in {"RGBA", "LA", "PA"} or "transparency" in upright.info
    clean = upright.convert("RGBA" if has_alpha else "RGB")
    clean.info = {}
    return clean


def rendition_widths(width):
    """The standard widths the picture covers, plus its own width when that is smaller than
    the largest: a picture is never enlarged."""
    narrower = [w for w in RENDITION_WIDTHS if w < width]
    return narrower if width > RENDITION_WIDTHS[-1] else [*narrower, width]


def make_renditions(picture, storage=default_storage):
    """Save each width as WebP and as a fallback (PNG keeps transparency, else JPEG)."""
    clean = pixels_only(picture)
    fallback = "PNG" if clean.mode == "RGBA" else "JPEG"
    renditions = []
    for width in rendition_widths(clean.width):
        height = max(1, round(clean.height * width / clean.width))
        resized = clean.resize((width, height), Image.Resampling.LANCZOS)
        resized.info = {}
        for format in ("WEBP", fallback):
            name = save_encoded(resized, format, width, storage)
            renditions.append(Rendition(name, width, height, format))
    return renditions


def save_encoded(picture, format, width, storage):
    extension, _, options = ENCODINGS[format]
    buffer = io.BytesIO()
    picture.save(buffer, format, **options)
    content = buffer.getvalue()
    digest = hashlib.sha256(content).hexdigest()[:20]
    name = f"{FOLDER}/{digest}-{width}.{extension}"
    if not storage.exists(name):  # the same bytes are already there under this name
        storage.save(name, ContentFile(content))
    return name


def delete_files_of(sender, instance, **kwargs):
    """A deleted picture's files go too, once the deletion is committed: they were public
    and kept by browsers for good, so they must not outlive the picture. A file another
    picture also uses (the same bytes uploaded twice) stays."""
    names = {rendition["name"] for rendition in instance.renditions}

    def delete_unused():
        still_used = {
            rendition["name"]
            for renditions in sender.objects.values_list("renditions", flat=True)
            for rendition in renditions
        }
        for name in names - still_used:
            default_storage.delete(name)

    transaction.on_commit(delete_unused)
