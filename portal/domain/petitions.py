"""A petition as a sender gives it (the draft, its checks, the tracking secret), and letting citizens follow it.
Every channel stores a draft through intake.receive."""
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.orm import joinedload

from portal.domain import places
from portal.domain.errors import NotFound, ValidationFailed
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.domain.text import clean_text
from portal.models import CHANNELS, Category, Petition

CONTENT_MIN, CONTENT_MAX = 20, 10_000
TITLE_MAX = 255
# No 0/O, 1/I/L: the code is read out over the phone and copied from paper.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 12
# Where a petition goes when the sender chose no category and the classifier has not looked yet (and where an
# import's row without one goes): "Khác".
DEFAULT_CATEGORY = "khac"
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
    # Set by dialogue.record_petition: the session the petition was raised at.
    dialogue_session_id: int | None = None
    # "urgent" when the operator taking the call marks it so (routing.PRIORITIES); the classifier may add it later.
    priority: str = "normal"


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
    category = session.query(Category).filter_by(code=draft.category_code or DEFAULT_CATEGORY).first()
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
    draft.lat, draft.lng = places.checked_coordinates(draft.lat, draft.lng)
    draft.address = clean_text(draft.address)[:500]
    draft.reporter_name = clean_text(draft.reporter_name)[:255]
    draft.reporter_phone = normalize_phone(draft.reporter_phone)
    draft.reporter_email = normalize_email(draft.reporter_email)
    if draft.priority not in ("normal", "urgent"):
        raise ValidationFailed("Mức ưu tiên không hợp lệ.", "Unknown priority.", field="priority")
    return draft


def new_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def format_secret(secret: str) -> str:
    return "-".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def normalize_secret(raw: str) -> str:
    return re.sub(r"[\s\-]", "", (raw or "").upper())


def hash_secret(secret: str) -> str:
    # The secret has ~59 random bits, so a fast hash is enough; tracking stays cheap.
    return hashlib.sha256(normalize_secret(secret).encode()).hexdigest()


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
    if petition is None or petition.status not in PUBLISHED_STATUSES or not petition.consent_public:
        raise NotFound("Không có phản ánh công khai với mã này.", "No public petition has this code.")
    return petition


def published_answer(petition: Petition):
    """The approved answer the citizen and the public read, or None."""
    from portal.models import Answer

    if petition.status not in PUBLISHED_STATUSES:  # approving an answer is what publishes it
        return None
    return petition.answers.filter_by(state="approved").order_by(Answer.approved_at.desc()).first()
