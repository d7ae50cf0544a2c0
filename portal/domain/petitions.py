"""Receiving petitions and letting citizens follow them."""
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import joinedload

from portal.domain import places
from portal.domain.classification import category_for_intake
from portal.domain.errors import NotFound, ValidationFailed
from portal.domain.lifecycle import record_event
from portal.domain.routing import route_new_petition
from portal.domain.text import clean_text
from portal.models import CHANNELS, Category, Petition
from portal.models.base import utcnow

CONTENT_MIN, CONTENT_MAX = 20, 10_000
TITLE_MAX = 255
# No 0/O, 1/I/L: the code is read out over the phone and copied from paper.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 12
_PHONE = re.compile(r"^(?:\+84|84|0)(?:[235789]\d{8}|2\d{9})$")


@dataclass
class PetitionDraft:
    """What a sender gives us, from any channel, before validation."""

    content: str
    title: str = ""
    channel: str = "web"
    category_code: str = ""
    province_code: str = ""
    ward_code: str = ""
    address: str = ""
    lat: float | None = None
    lng: float | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    reporter_email: str = ""
    consent_public: bool = True


def normalize_phone(raw: str) -> str:
    """'0905 123 456', '+84.905.123.456' and '84905123456' are all the same number: 0905123456."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if not digits:
        return ""
    if not _PHONE.match(digits):
        raise ValidationFailed("Số điện thoại không hợp lệ. Ví dụ đúng: 0905 123 456.",
                               "Invalid phone number. Example: 0905 123 456.", field="reporter_phone")
    return "0" + re.sub(r"^(\+84|84|0)", "", digits)


def normalize_email(raw: str) -> str:
    raw = clean_text(raw)
    if not raw:
        return ""
    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationFailed("Địa chỉ thư điện tử không hợp lệ.", "Invalid e-mail address.",
                               field="reporter_email") from None


def validate_draft(session, draft: PetitionDraft) -> tuple[PetitionDraft, Category]:
    """Clean every field and check it; raises ValidationFailed naming the field."""
    clean_fields(draft)
    category = session.query(Category).filter_by(code=draft.category_code or "khac").first()
    if category is None:
        raise UNKNOWN_CATEGORY
    return draft, category


UNKNOWN_CATEGORY = ValidationFailed("Lĩnh vực không có trong danh mục.", "Unknown category.", field="category")


def clean_fields(draft: PetitionDraft) -> PetitionDraft:
    """Every field but the category (which needs the database), cleaned and checked in place."""
    draft.content = clean_text(draft.content)
    draft.title = clean_text(draft.title)
    if len(draft.content) < CONTENT_MIN:
        raise ValidationFailed(f"Nội dung phản ánh cần ít nhất {CONTENT_MIN} ký tự để cơ quan hiểu và xử lý.",
                               f"The content needs at least {CONTENT_MIN} characters.", field="content")
    if len(draft.content) > CONTENT_MAX:
        raise ValidationFailed(f"Nội dung quá dài (tối đa {CONTENT_MAX:,} ký tự).".replace(",", "."),
                               f"The content is too long (at most {CONTENT_MAX:,} characters).", field="content")
    if len(draft.title) > TITLE_MAX:
        raise ValidationFailed(f"Tiêu đề tối đa {TITLE_MAX} ký tự.", f"The title has at most {TITLE_MAX} characters.",
                               field="title")
    if draft.channel not in CHANNELS:
        raise ValidationFailed("Kênh tiếp nhận không hợp lệ.", "Unknown channel.", field="channel")
    draft.province_code, draft.ward_code = clean_text(draft.province_code), clean_text(draft.ward_code)
    if not places.is_valid_location(draft.province_code, draft.ward_code):
        raise ValidationFailed("Tỉnh/thành phố hoặc xã/phường không đúng (xã/phường phải thuộc tỉnh đã chọn).",
                               "Unknown province or ward.", field="ward_code")
    _check_coordinates(draft)
    draft.address = clean_text(draft.address)[:500]
    draft.reporter_name = clean_text(draft.reporter_name)[:255]
    draft.reporter_phone = normalize_phone(draft.reporter_phone)
    draft.reporter_email = normalize_email(draft.reporter_email)
    return draft


def _check_coordinates(draft: PetitionDraft) -> None:
    if draft.lat is None and draft.lng is None:
        return
    try:
        lat, lng = float(draft.lat), float(draft.lng)
    except (TypeError, ValueError):
        raise ValidationFailed("Toạ độ không hợp lệ.", "Invalid coordinates.", field="lat") from None
    # Vietnam, its islands included, lies within these bounds.
    if not (8.0 <= lat <= 24.0 and 102.0 <= lng <= 118.0):
        raise ValidationFailed("Toạ độ nằm ngoài lãnh thổ Việt Nam.", "The coordinates are outside Vietnam.",
                               field="lat")
    draft.lat, draft.lng = lat, lng


def new_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def format_secret(secret: str) -> str:
    return "-".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def normalize_secret(raw: str) -> str:
    return re.sub(r"[\s\-]", "", (raw or "").upper())


def hash_secret(secret: str) -> str:
    # The secret has ~59 random bits, so a fast hash is enough; tracking stays cheap.
    return hashlib.sha256(normalize_secret(secret).encode()).hexdigest()


def public_code(petition: Petition, prefix: str = "PA") -> str:
    return petition_code(prefix, petition.created_at.year, petition.id)


def petition_code(prefix: str, year: int, petition_id: int) -> str:
    """PA-2026-000123: what citizens read back. intake._insert_petition makes the same in SQL."""
    return f"{prefix}-{year}-{petition_id:06d}"


def new_petition(draft: PetitionDraft, category: Category, secret: str | None, **fields) -> tuple[Petition, str]:
    """A received petition from a validated draft, and its tracking secret (a fresh one unless given)."""
    secret = secret or new_secret()
    return Petition(category=category, **petition_values(draft, hash_secret(secret)), **fields), secret


def petition_values(draft: PetitionDraft, secret_hash: str) -> dict:
    """The columns of a received petition from a validated draft."""
    return dict(
        secret_hash=secret_hash, title=draft.title, content=draft.content, channel=draft.channel,
        province_code=draft.province_code or None, ward_code=draft.ward_code or None,
        address=draft.address, lat=draft.lat, lng=draft.lng, reporter_name=draft.reporter_name or None,
        reporter_phone=draft.reporter_phone or None, reporter_email=draft.reporter_email or None,
        consent_public=draft.consent_public, created_at=utcnow(), status="received",
    )


def received_note(channel: str) -> str:
    """The note of a petition's first event, whichever road it came in by."""
    return f"Tiếp nhận qua kênh {channel}."


def submit_petition(session, draft: PetitionDraft, *, actor=None, secret: str | None = None,
                    code_prefix: str = "PA", overrides=None, triage: bool = False) -> tuple[Petition, str]:
    """Validate, store and route a petition. Returns it with its tracking secret (shown once).

    With `triage`, the petition waits for the coordinator instead of being routed at once.
    The caller commits: the petition, its events and its assignment are one unit of work.
    """
    draft.category_code, confidence, unsure = category_for_intake(clean_text(draft.content), draft.category_code)
    draft, category = validate_draft(session, draft)
    petition, secret = new_petition(draft, category, secret, needs_triage=triage or unsure,
                                    classifier_confidence=confidence)
    session.add(petition)
    session.flush()  # the id makes the code; whatever the caller added before is flushed with it
    petition.code = public_code(petition, code_prefix)
    # What routing reads (calendar, rules, agencies, staff) is flushed already, and a new petition has no earlier
    # assignment or notice: its code, events, assignment and notices can go out in one flush at the commit instead
    # of one autoflush per query on the way (each flush also runs the rollup listeners).
    with session.no_autoflush:
        record_event(session, petition, kind="transition", to_status="received", actor=actor,
                     note=received_note(draft.channel))
        route_new_petition(session, petition, overrides)
    return petition, secret


def find_for_tracking(session, code: str, secret: str) -> Petition:
    """The petition behind a code and secret. A wrong secret and an unknown code raise the same error,
    and the comparison runs in constant time, so neither the answer nor its timing tells them apart."""
    # With its category and agency: every tracking page shows them, so one query instead of three.
    petition = (session.query(Petition).options(joinedload(Petition.category), joinedload(Petition.agency))
                .filter_by(code=clean_text(code).upper()).first())
    expected = petition.secret_hash if petition else "0" * 64
    if not hmac.compare_digest(expected, hash_secret(secret)) or petition is None:
        raise NotFound("Không tìm thấy phản ánh với mã và mật mã tra cứu này. Vui lòng kiểm tra lại.",
                       "No petition matches this code and secret. Please check them.")
    return petition


def published_petition(session, code: str) -> Petition:
    """A petition whose answer the public may read."""
    petition = session.query(Petition).filter_by(code=clean_text(code).upper()).first()
    if petition is None or petition.status not in ("published", "closed") or not petition.consent_public:
        raise NotFound("Không có phản ánh công khai với mã này.", "No public petition has this code.")
    return petition


def published_answer(petition: Petition):
    """The approved answer the citizen and the public read, or None."""
    from portal.models import Answer

    if petition.status not in ("published", "closed"):  # approving an answer is what publishes it
        return None
    return petition.answers.filter_by(state="approved").order_by(Answer.approved_at.desc()).first()
