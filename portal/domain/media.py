"""Photos that citizens, operators and secretariats attach to a petition (issue 18).

A file is an image only if its bytes say so (the name and the declared type are the sender's word), and no image is
kept as it came: each is decoded and encoded again by Pillow, turned upright by its EXIF orientation, shrunk to at
most MAX_SIDE pixels on its long side, with every piece of metadata left behind (EXIF with its GPS position and the
camera's maker notes, XMP, comments, colour profiles). A thumbnail is made beside it.
"""
import io
import secrets
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import func, select

from portal.domain.errors import Conflict, ValidationFailed
from portal.models import Petition, PetitionPhoto

MAX_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 5
MAX_SIDE = 2048
THUMBNAIL_SIDE = 320
# A small file can still unpack into a huge picture ("decompression bomb"): refuse before decoding it.
MAX_PIXELS = 50_000_000
JPEG_QUALITY = 85

# Format → (content type, file extension), and the modes each format is written in.
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
MODES = {"JPEG": ("RGB", "L"), "PNG": ("RGB", "RGBA", "L", "LA"), "WEBP": ("RGB", "RGBA")}


@dataclass(frozen=True)
class CleanImage:
    """An image as the portal keeps it: re-encoded, upright, without metadata, with its thumbnail."""

    data: bytes
    thumbnail: bytes
    content_type: str
    extension: str
    width: int
    height: int


def attach_photo(session, storage, petition: Petition, data: bytes, actor=None) -> PetitionPhoto:
    """Keep one more photo of the petition (at most MAX_PHOTOS), cleaned, with its thumbnail; unpublished.

    The files are written before the row: a transaction that fails after this leaves two unused files, never a row
    whose picture is missing."""
    count = session.execute(select(func.count(PetitionPhoto.id))
                            .where(PetitionPhoto.petition_id == petition.id)).scalar()
    if count >= MAX_PHOTOS:
        raise Conflict(f"Mỗi phản ánh có tối đa {MAX_PHOTOS} ảnh.", f"A petition has at most {MAX_PHOTOS} photos.",
                       code="too_many_photos", field="photo")
    image = clean_image(data)
    # A random name: the key says nothing of the sender's file name and cannot be guessed from another photo's.
    key = f"{petition.code.lower()}/{secrets.token_hex(12)}"
    photo = PetitionPhoto(petition_id=petition.id, storage_key=f"{key}.{image.extension}",
                          thumbnail_key=f"{key}-thumb.{image.extension}", content_type=image.content_type,
                          width=image.width, height=image.height, byte_size=len(image.data),
                          uploaded_by_id=getattr(actor, "id", None),
                          uploaded_by_label=getattr(actor, "full_name", "") if actor is not None else "người dân")
    storage.save(photo.storage_key, image.data)
    storage.save(photo.thumbnail_key, image.thumbnail)
    session.add(photo)
    session.flush()
    return photo


def sniffed_format(data: bytes) -> str | None:
    """The format the first bytes announce: JPEG, PNG or WebP; None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def clean_image(data: bytes) -> CleanImage:
    """The image re-encoded without metadata, or ValidationFailed (nothing is kept) if it is too large or not a
    JPEG, PNG or WebP image that can be read whole."""
    if len(data) > MAX_BYTES:
        raise ValidationFailed(f"Ảnh quá lớn: mỗi ảnh tối đa {MAX_BYTES // (1024 * 1024)} MB.",
                               f"The image is too large: at most {MAX_BYTES // (1024 * 1024)} MB each.",
                               code="image_too_large", field="photo")
    image_format = sniffed_format(data)
    if image_format is None:
        raise _not_an_image()
    try:
        with Image.open(io.BytesIO(data), formats=[image_format]) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationFailed("Ảnh có quá nhiều điểm ảnh.", "The image has too many pixels.",
                                       code="image_too_large", field="photo")
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_an_image() from None
    picture = _bare(upright, image_format)
    picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    content_type, extension = FORMATS[image_format]
    return CleanImage(data=_encoded(picture, image_format), thumbnail=_encoded(thumbnail, image_format),
                      content_type=content_type, extension=extension, width=picture.width, height=picture.height)


def _bare(image: Image.Image, image_format: str) -> Image.Image:
    """The pixels alone, in a mode the format writes: a new image made from them, so nothing else of the original
    (its info, EXIF, palette tricks) can travel into the stored file."""
    if image.mode not in MODES[image_format]:
        keeps_alpha = image_format != "JPEG" and image.has_transparency_data
        image = image.convert("RGBA" if keeps_alpha else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encoded(image: Image.Image, image_format: str) -> bytes:
    out = io.BytesIO()
    options = {"quality": JPEG_QUALITY, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    image.save(out, format=image_format, **options)
    return out.getvalue()


def _not_an_image() -> ValidationFailed:
    return ValidationFailed("Tệp này không phải ảnh JPEG, PNG hoặc WebP đọc được. Vui lòng chọn một ảnh khác.",
                            "This file is not a readable JPEG, PNG or WebP image. Please choose another picture.",
                            code="not_an_image", field="photo")
