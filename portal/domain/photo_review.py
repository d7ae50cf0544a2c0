"""The agency head's decision on each photo of a petition (issue 18): staff only, the default, or published with the
answer as a copy blurred where the head drew regions over faces and plates.

The original the agency works from is never altered: the public rendition is a file of its own, under a new random
key, remade whole at every publication and deleted when the head withdraws it. The public sees it only once the
answer itself is public (`public_photos`, and the files' route: media.public_photo).
"""
import io
import json
import math
import secrets
from dataclasses import dataclass

from PIL import Image, ImageFilter

from portal.domain.errors import Conflict, Forbidden, ValidationFailed
from portal.domain.lifecycle import describe_actor, record_event
from portal.domain import media
from portal.domain.media import FORMATS, THUMBNAIL_SIDE, photos_of
from portal.domain.privacy import is_public
from portal.models import Petition, PetitionPhoto
from portal.models.audit import AuditEntry
from portal.models.base import utcnow

MAX_REGIONS = 10
# A region narrower than this (a share of the picture's width or height) hides nothing: it is a slip of the pointer.
MIN_REGION_SIDE = 0.01
# Each region is averaged into blocks of a sixth of its longer side, then blurred by a block: a plate's characters
# fall inside one row of blocks and a face into six by six smudges, beyond what depixelation can read back.
BLOCKS_ALONG_LONGER_SIDE = 6
CONTENT_FORMATS = {content_type: image_format for image_format, (content_type, _) in FORMATS.items()}


@dataclass(frozen=True)
class Region:
    """A rectangle to blur, as fractions (0–1) of the picture's width and height, from its top-left corner."""

    x: float
    y: float
    w: float
    h: float

    def box(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The pixels it covers, rounded outwards so that the edge of a face is never left sharp."""
        left, top = math.floor(self.x * width), math.floor(self.y * height)
        right = min(width, max(left + 1, math.ceil((self.x + self.w) * width)))
        bottom = min(height, max(top + 1, math.ceil((self.y + self.h) * height)))
        return left, top, right, bottom


def may_review(petition: Petition, user) -> bool:
    """Whether `user` decides on the petition's photos: a head of its agency, or an administrator (as for approving
    the answer, portal/domain/lifecycle.py)."""
    if user is None:
        return False
    if user.role == "admin":
        return True
    return user.role == "agency_head" and petition.agency_id is not None and user.agency_id == petition.agency_id


def ensure_may_review(petition: Petition, user) -> None:
    if not may_review(petition, user):
        raise Forbidden("Chỉ lãnh đạo cơ quan xử lý phản ánh này được quyết định công bố ảnh.",
                        "Only a head of the agency handling this petition may decide to publish its photos.",
                        code="not_the_head")


def public_photos(session, petition: Petition) -> list[PetitionPhoto]:
    """The photos the public sees: those the head published, once the answer is public; none before. The same rule
    as the files' own route (media.public_photo)."""
    if not is_public(petition):
        return []
    return [photo for photo in photos_of(session, petition) if photo.published and photo.public_key]


def parse_regions(text: str) -> tuple[Region, ...]:
    """The regions a form or a request sends, as JSON: [[x, y, w, h], ...] in fractions; "" is none."""
    if not (text or "").strip():
        return ()
    try:
        rows = json.loads(text)
    except ValueError:
        raise bad_regions() from None
    if not isinstance(rows, list) or not all(isinstance(row, list) and len(row) == 4 for row in rows):
        raise bad_regions()
    return validate_regions(rows)


def validate_regions(rows) -> tuple[Region, ...]:
    """Regions from four numbers each, or ValidationFailed: at most MAX_REGIONS, each inside the picture."""
    if len(rows) > MAX_REGIONS:
        raise ValidationFailed(f"Chỉ được che mờ tối đa {MAX_REGIONS} vùng trên mỗi ảnh.",
                               f"At most {MAX_REGIONS} regions can be blurred on a photo.", code="too_many_regions",
                               field="regions")
    regions = []
    for row in rows:
        if not all(isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) for n in row):
            raise bad_regions()
        x, y, w, h = (float(n) for n in row)
        if min(x, y) < 0 or min(w, h) < MIN_REGION_SIDE or x + w > 1.0001 or y + h > 1.0001:
            raise bad_regions()
        regions.append(Region(round(x, 4), round(y, 4), round(w, 4), round(h, 4)))
    return tuple(regions)


def blurred(image: Image.Image, regions) -> Image.Image:
    """A copy of the picture with every region pixelated and blurred; pixels outside the regions are untouched."""
    out = image.copy()
    for region in regions:
        box = region.box(out.width, out.height)
        out.paste(_obscured(out.crop(box)), box)
    return out


def _obscured(patch: Image.Image) -> Image.Image:
    block = max(4, math.ceil(max(patch.size) / BLOCKS_ALONG_LONGER_SIDE))
    small = patch.resize((math.ceil(patch.width / block), math.ceil(patch.height / block)), Image.Resampling.BOX)
    return small.resize(patch.size, Image.Resampling.NEAREST).filter(ImageFilter.GaussianBlur(block))


def decide(session, storage, photo: PetitionPhoto, actor, *, publish: bool, regions=()) -> PetitionPhoto:
    """The head's decision from the item page: published with the answer (blurred in `regions`), or staff only."""
    if publish:
        return publish_photo(session, storage, photo, actor, regions)
    return unpublish_photo(session, storage, photo, actor)


def publish_photo(session, storage, photo: PetitionPhoto, actor, regions=()) -> PetitionPhoto:
    """Publish the photo with the answer, blurred in `regions` (Region, or four fractions x, y, w, h each): a new
    public picture and thumbnail replace any earlier rendition; the original is only read. The caller commits."""
    petition = session.get(Petition, photo.petition_id)
    ensure_may_review(petition, actor)
    regions = validate_regions([[r.x, r.y, r.w, r.h] if isinstance(r, Region) else list(r) for r in regions])
    before, stale = _decision(photo), (photo.public_key, photo.public_thumbnail_key)
    _save_rendition(storage, photo, petition, regions)
    photo.published, photo.blurred_regions = True, len(regions)
    photo.published_at, photo.published_by_id = utcnow(), getattr(actor, "id", None)
    _delete(storage, *stale)
    blur_note = f"che mờ {len(regions)} vùng" if regions else "không che mờ vùng nào"
    _record(session, petition, photo, actor, "photo_published",
            f"Ảnh {photo_number(session, photo)} được công bố cùng câu trả lời, {blur_note}.", before)
    return photo


def unpublish_photo(session, storage, photo: PetitionPhoto, actor) -> PetitionPhoto:
    """Keep the photo for staff only again: its public picture and thumbnail are deleted. The caller commits.

    The files go before the commit: should the commit fail, a photo still marked published has no picture to show,
    which is safer than a withdrawn picture left readable."""
    petition = session.get(Petition, photo.petition_id)
    ensure_may_review(petition, actor)
    if not photo.published:
        return photo
    before = _decision(photo)
    _delete(storage, photo.public_key, photo.public_thumbnail_key)
    photo.published, photo.public_key, photo.public_thumbnail_key = False, None, None
    photo.blurred_regions, photo.published_at, photo.published_by_id = 0, None, None
    _record(session, petition, photo, actor, "photo_unpublished",
            f"Ảnh {photo_number(session, photo)} không còn được công bố.", before)
    return photo


def photo_number(session, photo: PetitionPhoto) -> int:
    """1 for the petition's first photo, as the pages number them."""
    return session.query(PetitionPhoto.id).filter(PetitionPhoto.petition_id == photo.petition_id,
                                                  PetitionPhoto.id <= photo.id).count()


def _save_rendition(storage, photo: PetitionPhoto, petition: Petition, regions) -> None:
    """The public picture and its thumbnail, made from the original and written under new random keys."""
    image_format = CONTENT_FORMATS[photo.content_type]
    try:
        with Image.open(io.BytesIO(storage.read(photo.storage_key)), formats=[image_format]) as original:
            picture = blurred(original.convert(original.mode), regions)
    except OSError:  # the file is gone (an erasure in between) or unreadable: nothing is published
        raise Conflict("Không đọc được ảnh gốc nên chưa công bố được. Vui lòng tải lại trang.",
                       "The original photo cannot be read, so it was not published. Please reload the page.",
                       code="photo_unreadable") from None
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    key, extension = f"{petition.code.lower()}/public-{secrets.token_hex(12)}", FORMATS[image_format][1]
    photo.public_key, photo.public_thumbnail_key = f"{key}.{extension}", f"{key}-thumb.{extension}"
    storage.save(photo.public_key, media.encoded(picture, image_format))
    storage.save(photo.public_thumbnail_key, media.encoded(thumbnail, image_format))


def _delete(storage, *keys) -> None:
    for key in keys:
        if key:
            storage.delete(key)


def _decision(photo: PetitionPhoto) -> dict:
    return {"published": photo.published, "blurred_regions": photo.blurred_regions,
            "published_at": photo.published_at.isoformat() if photo.published_at else None}


def _record(session, petition: Petition, photo: PetitionPhoto, actor, kind: str, note: str, before: dict) -> None:
    """The decision on the petition's staff timeline and in the audit trail (who, when, from what to what)."""
    record_event(session, petition, kind=kind, actor=actor, note=note, public=False)
    after = _decision(photo)
    changes = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    session.add(AuditEntry(at=utcnow(), actor_id=getattr(actor, "id", None),
                           actor_label=getattr(actor, "email", None) or describe_actor(actor),
                           object_type="petition_photo", object_id=str(photo.id), action="update",
                           changes=json.dumps(changes, ensure_ascii=False)))


def bad_regions() -> ValidationFailed:
    return ValidationFailed("Vùng che mờ không hợp lệ: mỗi vùng phải nằm trong ảnh. Vui lòng vẽ lại.",
                            "A blurred region is not valid: each must lie inside the picture. Please draw it again.",
                            code="bad_regions", field="regions")
