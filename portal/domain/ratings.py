"""Citizens rate published answers on the five SIPAS elements; an answer rated "not resolved" soon after its
publication goes back to be handled again."""
from datetime import timedelta

from portal.domain import calendar
from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.lifecycle import PUBLISHED_STATUSES, record_event, transition
from portal.domain.notify import notify_staff
from portal.models import Petition, PetitionEvent, Rating
from portal.text.redact import redact

SCORE_ELEMENTS = ("access", "procedure", "staff", "result", "feedback")
ELEMENT_LABELS = {
    "access": ("Tiếp cận dịch vụ", "Access to the service"),
    "procedure": ("Quy trình xử lý", "Procedure"),
    "staff": ("Công chức", "Civil servants"),
    "result": ("Kết quả", "Result"),
    "feedback": ("Tiếp nhận và phản hồi", "Receiving and answering feedback"),
}
CHANGE_WINDOW = timedelta(days=7)
# "Not resolved" reopens the petition up to this many days (Vietnam's calendar) after the answer was published.
REOPEN_WINDOW = timedelta(days=7)
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
    """Record the rating. A second one is refused, except as a change within 7 days when `allow_update`, or as the
    rating of a newer answer (published again after a reopening). "Not resolved" within 7 days of publication sends
    the petition back (follow_up_not_resolved); the caller reads where it went from petition.status."""
    if petition.status not in RATABLE_STATUSES:
        raise Conflict("Chỉ đánh giá được khi câu trả lời đã công khai.",
                       "Only a published answer can be rated.", code="not_published")
    clean = check_scores(scores)
    if len(comment) > 2000:
        raise ValidationFailed("Nhận xét tối đa 2.000 ký tự.", "The comment has at most 2,000 characters.",
                               field="comment")
    rating = session.query(Rating).filter_by(petition_id=petition.id).first()
    now = calendar.utcnow()
    newer_answer = rating is not None and rating.updated_at < petition.published_at
    if rating is not None and not newer_answer and not (allow_update and now - rating.created_at <= CHANGE_WINDOW):
        raise Conflict("Phản ánh này đã được đánh giá.", "This petition has already been rated.",
                       code="already_rated")
    if rating is None:
        rating = Rating(petition=petition, agency_id=petition.agency_id, created_at=now)
        session.add(rating)
    elif newer_answer:  # a rating of the new answer, counted on its own day and changeable for 7 days from it
        rating.created_at, rating.agency_id = now, petition.agency_id
    for element, value in clean.items():
        setattr(rating, element, value)
    rating.resolved, rating.comment, rating.updated_at = bool(resolved), comment, now
    record_event(session, petition, kind="rating", actor=actor, note="Người dân đã gửi đánh giá mức độ hài lòng.")
    if not resolved:
        follow_up_not_resolved(session, petition, comment, actor=actor)
    return rating


def follow_up_not_resolved(session, petition: Petition, comment: str, *, actor=None) -> None:
    """The sender says the published answer did not resolve the problem. Within 7 days of its publication the
    petition is reopened: back to the same agency with a new deadline (the category's working days from today),
    the agency told. If it was reopened once already, it goes to the coordinator instead. Later, the rating is
    only stored. The comment goes on the timeline redacted, as every text that may be shown beyond the sender and
    the staff."""
    if calendar.local_today() - calendar.local_date(petition.published_at) > REOPEN_WINDOW:
        return
    said = f" Ý kiến của người dân: {redact(comment.strip())}" if comment.strip() else ""
    petition.closed_at = None
    if _reopened_before(session, petition):
        transition(session, petition, "returned", actor=actor,
                   note="Người dân lại đánh giá chưa giải quyết sau khi phản ánh đã được mở lại một lần: chuyển bộ "
                        "phận điều phối xem xét." + said)
        petition.needs_triage = True
        notify_staff(session, None, f"Phản ánh mở lại lần hai: {petition.code}",
                     f"Người dân lại đánh giá câu trả lời phản ánh {petition.code} là chưa giải quyết. Phản ánh "
                     f"đã được mở lại một lần nên được chuyển bộ phận điều phối xem xét.", roles=("coordinator",))
        return
    from portal.domain.routing import answer_deadline, set_deadline

    set_deadline(petition, answer_deadline(petition, calendar.utcnow(), calendar.load_overrides(session)))
    due, petition.overdue_marked_at = petition.due_date, None
    agency = petition.agency.name if petition.agency else "Cơ quan xử lý"
    transition(session, petition, "reopened", actor=actor,
               note=f"Người dân đánh giá chưa giải quyết: phản ánh được mở lại, chuyển lại {agency} xử lý, hạn "
                    f"{due:%d/%m/%Y}." + said)
    notify_staff(session, petition.agency_id, f"Phản ánh được mở lại: {petition.code}",
                 f"Người dân đánh giá câu trả lời phản ánh {petition.code} là chưa giải quyết. Phản ánh được mở lại "
                 f"để {agency} xử lý tiếp, hạn {due:%d/%m/%Y}.")


def _reopened_before(session, petition: Petition) -> bool:
    return session.query(PetitionEvent.id).filter_by(petition_id=petition.id, kind="transition",
                                                      to_status="reopened").first() is not None
