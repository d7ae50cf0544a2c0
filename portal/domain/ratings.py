"""Citizens rate published answers on the five SIPAS elements."""
from datetime import timedelta

from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.lifecycle import PUBLISHED_STATUSES, record_event
from portal.models import Petition, Rating
from portal.models.base import utcnow

SCORE_ELEMENTS = ("access", "procedure", "staff", "result", "feedback")
ELEMENT_LABELS = {
    "access": ("Tiếp cận dịch vụ", "Access to the service"),
    "procedure": ("Quy trình xử lý", "Procedure"),
    "staff": ("Công chức", "Civil servants"),
    "result": ("Kết quả", "Result"),
    "feedback": ("Tiếp nhận và phản hồi", "Receiving and answering feedback"),
}
CHANGE_WINDOW = timedelta(days=7)
RATABLE_STATUSES = PUBLISHED_STATUSES


def check_scores(scores: dict) -> dict[str, int]:
    clean = {}
    for element in SCORE_ELEMENTS:
        value = scores.get(element)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationFailed(f"Điểm “{ELEMENT_LABELS[element][0]}” phải là số nguyên từ 1 đến 5.",
                                   f"The “{element}” score must be a whole number from 1 to 5.", field=element)
        clean[element] = value
    return clean


def rate_petition(session, petition: Petition, scores: dict, resolved: bool, comment: str = "", *, actor=None,
                  allow_update: bool = False) -> Rating:
    """Record the rating. A second one is refused, except as a change within 7 days when `allow_update`."""
    if petition.status not in RATABLE_STATUSES:
        raise Conflict("Chỉ đánh giá được khi câu trả lời đã công khai.",
                       "Only a published answer can be rated.", code="not_published")
    clean = check_scores(scores)
    if len(comment) > 2000:
        raise ValidationFailed("Nhận xét tối đa 2.000 ký tự.", "The comment has at most 2,000 characters.",
                               field="comment")
    rating = session.query(Rating).filter_by(petition_id=petition.id).first()
    now = utcnow()
    if rating is not None and not (allow_update and now - rating.created_at <= CHANGE_WINDOW):
        raise Conflict("Phản ánh này đã được đánh giá.", "This petition has already been rated.",
                       code="already_rated")
    if rating is None:
        rating = Rating(petition=petition, agency_id=petition.agency_id, created_at=now)
        session.add(rating)
    for element, value in clean.items():
        setattr(rating, element, value)
    rating.resolved, rating.comment, rating.updated_at = bool(resolved), comment, now
    record_event(session, petition, kind="rating", actor=actor, note="Người dân đã gửi đánh giá mức độ hài lòng.")
    return rating
