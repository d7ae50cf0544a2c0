"""Photos that citizens, operators and secretariats attach to a petition (issue 18).

A file is an image only if its bytes say so (the name and the declared type are the sender's word), and no image is
kept as it came: each is decoded and encoded again by Pillow, turned upright by its EXIF orientation, shrunk to at
most MAX_SIDE pixels on its long side, with every piece of metadata left behind (EXIF with its GPS position and the
camera's maker notes, XMP, comments, colour profiles). A thumbnail is made beside it. HEIC photos (iPhones) are read
with pillow-heif and kept as JPEG, which every browser shows.

Photos are read back through URLs, never by guessing a file name: staff pages, the sender's tracking JSON and the
upload's answer hand out short-lived signed URLs (signed_url); the public rendition the agency head publishes has a
plain URL (public_url) that answers only while the photo and the petition's answer are both public.
"""
import hashlib
import hmac
import io
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import func, select

from portal.domain.calendar import utcnow
from portal.domain.errors import Conflict, Forbidden, NotFound, ValidationFailed
from portal.domain.lifecycle import record_event
from portal.domain.privacy import is_public
from portal.models import Petition, PetitionPhoto

pillow_heif.register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 5
MAX_SIDE = 2048
THUMBNAIL_SIDE = 320
# A small file can still unpack into a huge picture ("decompression bomb"): refuse before decoding it.
MAX_PIXELS = 50_000_000
JPEG_QUALITY = 85
# How long the sender may add photos through the API after sending (the tracking secret proves who they are).
SENDER_WINDOW = timedelta(days=7)
PHOTO_EVENT = "photo_added"
# Staff who may add photos to a petition in their scope (the committee watches, it does not add evidence).
STAFF_ROLES = ("operator", "secretariat", "coordinator", "agency_officer", "agency_head", "admin")

# Format → (content type, file extension), the modes each format is written in, and the format each is kept in.
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
MODES = {"JPEG": ("RGB", "L"), "PNG": ("RGB", "RGBA", "L", "LA"), "WEBP": ("RGB", "RGBA")}
KEPT_AS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
CONTENT_TYPES = {extension: content_type for content_type, extension in FORMATS.values()}
# The ISO base-media brands of HEIC photos, as phones write them.
HEIC_BRANDS = (b"heic", b"heix", b"mif1")

# Signed URLs: a link works for at least SIGNED_URL_TTL seconds; its expiry is rounded up to EXPIRY_STEP, so that a
# page shown again a few minutes later gives the same URLs and the browser's cache serves the pictures.
VARIANTS = ("full", "thumb")
# A signed link may also read the public rendition, so that the staff check the blurred copy before the answer is
# published through the same one route.
SIGNED_VARIANTS = VARIANTS + ("public-full", "public-thumb")
SIGNED_URL_TTL = 3600
EXPIRY_STEP = 600


class ImageTooLarge(ValidationFailed):
    status = 413
    code = "image_too_large"


@dataclass(frozen=True)
class CleanImage:
    """An image as the portal keeps it: re-encoded, upright, without metadata, with its thumbnail."""

    data: bytes
    thumbnail: bytes
    content_type: str
    extension: str
    width: int
    height: int


def attach_photo(session, storage, petition_ref, data: bytes, actor=None) -> PetitionPhoto:
    """Keep one more photo of the petition (at most MAX_PHOTOS), cleaned, with its thumbnail; unpublished.
    `petition_ref` is the Petition or intake's Receipt. The count is checked before the file is decoded, so a sixth
    photo costs no decoding."""
    petition = _petition_of(session, petition_ref)
    _ensure_room(session, petition)
    return attach_clean_photo(session, storage, petition, clean_image(data), actor)


def attach_clean_photo(session, storage, petition_ref, image: CleanImage, actor=None) -> PetitionPhoto:
    """Keep an image clean_image() made: a form cleans every file first, so that one bad file stores none.
    Leaves a "photo added" event on the timeline; the caller commits.

    The files are written before the row: a transaction that fails after this leaves two unused files, never a row
    whose picture is missing."""
    petition = _petition_of(session, petition_ref)
    _ensure_room(session, petition)
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
    # On the staff timeline only: the sender's own timeline follows the handling, and the upload answered them.
    record_event(session, petition, kind=PHOTO_EVENT, actor=actor, actor_label="" if actor else "Người gửi",
                 public=False)
    session.flush()
    return photo


def _petition_of(session, petition_ref) -> Petition:
    """The Petition itself, or the one a Receipt names (from the session's identity map when it is loaded)."""
    if isinstance(petition_ref, Petition):
        return petition_ref
    return session.get(Petition, getattr(petition_ref, "petition_id", None) or petition_ref.id)


def _ensure_room(session, petition: Petition) -> None:
    count = session.execute(select(func.count(PetitionPhoto.id))
                            .where(PetitionPhoto.petition_id == petition.id)).scalar()
    if count >= MAX_PHOTOS:
        raise Conflict(f"Mỗi phản ánh có tối đa {MAX_PHOTOS} ảnh.", f"A petition has at most {MAX_PHOTOS} photos.",
                       code="too_many_photos", field="photo")


def ensure_sender_may_add(petition: Petition) -> None:
    """The sender adds photos during the first SENDER_WINDOW after sending; later the agency is already at work on
    what it received, and a new photo goes through the agency (or a new petition)."""
    if utcnow() > petition.created_at + SENDER_WINDOW:
        raise Forbidden(f"Chỉ có thể gửi thêm ảnh trong {SENDER_WINDOW.days} ngày kể từ khi gửi phản ánh. "
                        "Vui lòng liên hệ cơ quan xử lý hoặc gửi phản ánh mới.",
                        f"Photos can be added only within {SENDER_WINDOW.days} days of sending the petition. "
                        "Please contact the agency handling it or send a new petition.",
                        code="photo_window_closed", field="photo")


def photos_of(session, petition: Petition) -> list[PetitionPhoto]:
    """The petition's photos in the order they came."""
    return session.query(PetitionPhoto).filter_by(petition_id=petition.id).order_by(PetitionPhoto.id).all()


def erase_photos(session, storage, petition: Petition) -> int:
    """Delete the petition's photos, rows and files (the original, its thumbnail and any public rendition); returns
    how many. Used when the sender's personal data is erased: a photo can show a face, a plate or a house.

    The rows go in the caller's unit of work; the files go at once. Should that unit of work then fail, the rows
    remain without their files and answer 404: what the erasure asked for is gone either way, and its next run
    deletes the rows."""
    photos = photos_of(session, petition)
    if photos and storage is None:
        raise ValueError("the petition has photos: erasing them needs the media storage")
    for photo in photos:
        session.delete(photo)
    session.flush()
    for photo in photos:
        for key in files_of(photo):
            storage.delete(key)
    return len(photos)


def files_of(photo: PetitionPhoto) -> list[str]:
    return [key for key in (photo.storage_key, photo.thumbnail_key, photo.public_key, photo.public_thumbnail_key)
            if key]


def sniffed_format(data: bytes) -> str | None:
    """The format the first bytes announce: JPEG, PNG, WebP or HEIF (HEIC); None for anything else."""
    if data[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in HEIC_BRANDS:
        return "HEIF"
    return None


def clean_image(data: bytes) -> CleanImage:
    """The image re-encoded without metadata, or ValidationFailed (nothing is kept) if it is too large (ImageTooLarge,
    413) or not a JPEG, PNG, WebP or HEIC image that can be read whole."""
    if len(data) > MAX_BYTES:
        raise ImageTooLarge(f"Ảnh quá lớn: mỗi ảnh tối đa {MAX_BYTES // (1024 * 1024)} MB.",
                               f"The image is too large: at most {MAX_BYTES // (1024 * 1024)} MB each.",
                            field="photo")
    image_format = sniffed_format(data)
    if image_format is None:
        raise _not_an_image()
    try:
        with Image.open(io.BytesIO(data), formats=[image_format]) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ImageTooLarge("Ảnh có quá nhiều điểm ảnh.", "The image has too many pixels.",
                                    field="photo")
            image.load()
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_an_image() from None
    kept_as = KEPT_AS[image_format]
    picture = _bare(upright, kept_as)
    picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    content_type, extension = FORMATS[kept_as]
    return CleanImage(data=encoded(picture, kept_as), thumbnail=encoded(thumbnail, kept_as),
                      content_type=content_type, extension=extension, width=picture.width, height=picture.height)


def _bare(image: Image.Image, image_format: str) -> Image.Image:
    """The pixels alone, in a mode the format writes: a new image made from them, so nothing else of the original
    (its info, EXIF, palette tricks) can travel into the stored file."""
    if image.mode not in MODES[image_format]:
        keeps_alpha = image_format != "JPEG" and image.has_transparency_data
        image = image.convert("RGBA" if keeps_alpha else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def encoded(image: Image.Image, image_format: str) -> bytes:
    out = io.BytesIO()
    options = {"quality": JPEG_QUALITY, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    image.save(out, format=image_format, **options)
    return out.getvalue()


def _not_an_image() -> ValidationFailed:
    return ValidationFailed("Tệp này không phải ảnh JPEG, PNG, WebP hoặc HEIC đọc được. Vui lòng chọn một ảnh khác.",
                            "This file is not a readable JPEG, PNG, WebP or HEIC image. Please choose another "
                            "picture.", code="not_an_image", field="photo")


# Reading photos back. The URLs are made here, with the application's SECRET_KEY, so that the one route serving the
# files (portal/web/public/photos.py) and every page handing out links agree on a single rule.

def signed_url(photo: PetitionPhoto, variant: str, ttl: int = SIGNED_URL_TTL, *, external: bool = False) -> str:
    """A URL that reads the photo ("full"), its thumbnail ("thumb") or its public rendition ("public-full",
    "public-thumb") for at least `ttl` seconds, whoever holds it: handed out only behind a staff sign-in, a staff key
    or the tracking secret."""
    from flask import current_app, url_for

    if variant not in SIGNED_VARIANTS:
        raise ValueError(f"variant must be one of {SIGNED_VARIANTS}, not {variant!r}")
    expires = math.ceil((epoch_now() + ttl) / EXPIRY_STEP) * EXPIRY_STEP
    signature = _signature(current_app.config["SECRET_KEY"], photo.id, variant, expires)
    return url_for("public.photo_file", photo_id=photo.id, variant=variant, exp=expires, sig=signature,
                   _external=external)


def photo_for_signature(session, photo_id: int, variant: str, expires: str, signature: str,
                        secret_key: str) -> tuple[PetitionPhoto, str]:
    """The photo and storage key a signed URL names, or NotFound: a wrong, tampered or expired signature, an unknown
    variant or a deleted photo all answer alike. The signature is compared in constant time, so timing tells an
    attacker nothing of the right one."""
    refused = NotFound("Liên kết ảnh không hợp lệ hoặc đã hết hạn.", "The photo link is invalid or has expired.")
    if variant not in SIGNED_VARIANTS or not expires.isascii() or not expires.isdigit() or len(expires) > 12:
        raise refused
    expected = _signature(secret_key, photo_id, variant, int(expires))
    if not hmac.compare_digest(expected.encode(), signature.encode()) or int(expires) < epoch_now():
        raise refused
    photo = session.get(PetitionPhoto, photo_id)
    key = _key_of(photo, variant) if photo is not None else None
    if not key:
        raise refused
    return photo, key


def _key_of(photo: PetitionPhoto, variant: str) -> str | None:
    return {"full": photo.storage_key, "thumb": photo.thumbnail_key, "public-full": photo.public_key,
            "public-thumb": photo.public_thumbnail_key}[variant]


def public_url(photo: PetitionPhoto, variant: str, *, external: bool = False) -> str:
    """The URL of the photo's public rendition (the copy the head published, blurred where they drew): it answers
    only while public_photo() would find it."""
    from flask import url_for

    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    # The rendition's own random key names the version: a head who re-publishes with other regions gives the page a
    # new URL, so no cache shows the earlier copy in its place.
    version = (photo.public_key or "").rsplit("/", 1)[-1].split(".", 1)[0][-12:]
    return url_for("public.public_photo_file", photo_id=photo.id, variant=variant, v=version, _external=external)


def public_photo(session, photo_id: int, variant: str) -> tuple[PetitionPhoto, str]:
    """The published photo and the storage key of its public rendition, or NotFound (the same for a photo that does
    not exist, is not published, or whose petition the public may not read)."""
    photo = session.get(PetitionPhoto, photo_id) if variant in VARIANTS else None
    key = None
    if photo is not None and photo.published and is_public(session.get(Petition, photo.petition_id)):
        key = _key_of(photo, "public-" + variant)
    if not key:
        raise NotFound("Không tìm thấy ảnh.", "Photo not found.")
    return photo, key


def first_public_photos(session, petition_ids) -> dict[int, PetitionPhoto]:
    """The first published photo of each petition, by petition id, in one query for a whole list (Open311's
    media_url); for petitions the caller already knows the public may read."""
    ids = list(petition_ids)
    if not ids:
        return {}
    photos = (session.query(PetitionPhoto)
              .filter(PetitionPhoto.petition_id.in_(ids), PetitionPhoto.published.is_(True),
                      PetitionPhoto.public_key.isnot(None))
              .order_by(PetitionPhoto.id).all())
    first = {}
    for photo in photos:
        first.setdefault(photo.petition_id, photo)
    return first


def content_type_of(key: str) -> str:
    """The type of a stored file, from the extension the portal gave its key (the public rendition may differ in
    format from the original)."""
    return CONTENT_TYPES.get(key.rsplit(".", 1)[-1], "application/octet-stream")


def _signature(secret_key: str, photo_id: int, variant: str, expires: int) -> str:
    message = f"photo-url\0{photo_id}\0{variant}\0{expires}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()[:32]


def epoch_now() -> int:
    return int((utcnow() - EPOCH).total_seconds())


EPOCH = datetime(1970, 1, 1)
