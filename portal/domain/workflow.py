"""What agencies do with an assigned petition: accept, answer, approve (publish), close.

Each function checks who may act, changes state through lifecycle.transition, and leaves
the commit to the caller, so the state and its event land together.
"""
from portal.domain.approval import ensure_four_eyes
from portal.domain.calendar import is_on_time, local_date, working_days_between
from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.lifecycle import NOT_ACCEPTED_STATUSES, ensure_allowed, record_event, transition
from portal.domain.notify import notify_citizen, notify_heads_of_draft, notify_staff
from portal.domain.publication import approved_version
from portal.domain.rejections import clean_rejection, reason_label
from portal.domain.text import html_to_text, sanitize_html
from portal.models import (
    Agency,
    Answer,
    Assignment,
    CoordinationRequest,
    ExtensionRequest,
    Petition,
    PetitionRejection,
)
from portal.models.base import utcnow

ANSWER_MIN = 20


def accept(session, petition: Petition, actor) -> None:
    from portal.domain.overdue import record_acknowledgement

    ensure_allowed(petition, actor, "accept")
    transition(session, petition, "in_progress", actor=actor, note=f"{_agency_name(actor, petition)} tiếp nhận xử lý.")
    record_acknowledgement(session, petition)


def submit_answer(session, petition: Petition, actor, body_html: str) -> Answer:
    """The officer's answer goes to the agency head for approval."""
    ensure_allowed(petition, actor, "answer")
    body = sanitize_html(body_html)
    if len(html_to_text(body)) < ANSWER_MIN:
        raise ValidationFailed(f"Nội dung trả lời cần ít nhất {ANSWER_MIN} ký tự.",
                               f"The answer needs at least {ANSWER_MIN} characters.", field="content")
    if petition.status in NOT_ACCEPTED_STATUSES:
        accept(session, petition, actor)
    for stale in petition.answers.filter(Answer.state.in_(("draft", "submitted"))):
        stale.state = "superseded"
    answer = Answer(petition=petition, agency_id=petition.agency_id, body_html=body, state="submitted",
                    author_id=getattr(actor, "id", None), submitted_at=utcnow())
    session.add(answer)
    transition(session, petition, "answered", actor=actor, note="Đã có dự thảo trả lời, chờ lãnh đạo duyệt.")
    notify_heads_of_draft(session, petition, actor)
    return answer


def approve_answer(session, petition: Petition, actor, *, public_title: str | None = None,
                   public_content: str | None = None, published_html: str | None = None) -> Answer:
    """The agency head approves: the answer is published with the public version the head approved (a part not
    given is the redaction's proposal, so the API and the web page publish the same texts from the same inputs)."""
    ensure_allowed(petition, actor, "approve")
    answer = petition.answers.filter_by(state="submitted").order_by(Answer.id.desc()).first()
    if answer is None:
        raise ValidationFailed("Chưa có dự thảo trả lời để duyệt.", "There is no answer to approve.")
    ensure_four_eyes(session, answer, actor)
    version = approved_version(petition, answer, title=public_title, content=public_content,
                               answer_html=published_html)
    answer.state = "approved"
    answer.approver_id = getattr(actor, "id", None)
    answer.approved_at = utcnow()
    answer.published_html = version.answer_html
    petition.public_title, petition.public_content = version.title, version.content
    petition.answered_on_time = petition.due_date is None or is_on_time(answer.approved_at, petition.due_date)
    petition.handling_days = working_days_between(local_date(petition.created_at), local_date(answer.approved_at))
    transition(session, petition, "published", actor=actor, note="Lãnh đạo cơ quan đã duyệt, trả lời được công khai.")
    notify_citizen(session, petition, "published")
    return answer


def send_back(session, petition: Petition, actor, reason: str) -> None:
    """The head sends the draft back to the officer."""
    ensure_allowed(petition, actor, "send_back")
    if not reason.strip():
        raise ValidationFailed("Cần nêu lý do trả lại dự thảo.", "Give a reason.", field="reason")
    for answer in petition.answers.filter_by(state="submitted"):
        answer.state = "returned"
    transition(session, petition, "in_progress", actor=actor, note=f"Lãnh đạo yêu cầu sửa dự thảo: {reason}",
               public=False)


def _agency_name(actor, petition: Petition) -> str:
    agency = getattr(actor, "agency", None) or petition.agency
    return agency.name if agency else "Cơ quan"


def check_version(petition: Petition, seen_version: int | None) -> None:
    """Optimistic locking for forms: the page was drawn from `seen_version`; a newer one means someone
    else changed the petition in between, and we refuse rather than overwrite their work."""
    if seen_version is not None and seen_version != petition.version:
        raise Conflict("Phản ánh vừa được người khác cập nhật. Vui lòng tải lại trang, xem thay đổi rồi thực hiện lại.",
                       "Someone else has just updated this petition. Reload the page, check, and try again.",
                       code="stale_version")


def return_to_coordinator(session, petition: Petition, actor, reason: str) -> None:
    """The agency says the item is not theirs: it goes back to the coordinator, counted against nobody yet."""
    ensure_allowed(petition, actor, "return")
    transition(session, petition, "returned", actor=actor, note=f"Trả lại bộ phận điều phối. Lý do: {reason.strip()}")
    petition.needs_triage = True


def transfer(session, petition: Petition, actor, to_agency: Agency, reason: str) -> Assignment:
    """Hand the item to another agency; the old assignment stays on record, the deadline stays the citizen's."""
    from portal.domain.calendar import load_overrides
    from portal.domain.routing import DEFAULT_EXPECTED_RESULT, default_official, start_acknowledgement_clock

    ensure_allowed(petition, actor, "transfer")
    if to_agency is None or to_agency.id == petition.agency_id:
        raise ValidationFailed("Chọn một cơ quan khác để chuyển.", "Choose another agency.", field="agency")
    if not reason.strip():
        raise ValidationFailed("Cần nêu lý do chuyển.", "Give a reason for the transfer.", field="reason")
    from_name = petition.agency.name if petition.agency else ""
    for previous in petition.assignments.filter_by(active=True):
        previous.active = False
    assignment = Assignment(petition=petition, lead_agency=to_agency, responsible_official=default_official(session, to_agency),
                            task=f"Tiếp nhận từ {from_name}: xem xét, giải quyết phản ánh {petition.code}",
                            due_date=petition.due_date, expected_result=DEFAULT_EXPECTED_RESULT,
                            assigned_by_id=getattr(actor, "id", None))
    session.add(assignment)
    petition.agency = to_agency
    transition(session, petition, "transferred", actor=actor,
               note=f"Chuyển từ {from_name} sang {to_agency.name}. Lý do: {reason.strip()}")
    start_acknowledgement_clock(petition, load_overrides(session))  # the new agency accepts it in its turn
    notify_staff(session, to_agency.id, f"Phản ánh được chuyển đến: {petition.code}",
                 f"{from_name} chuyển phản ánh {petition.code} sang {to_agency.name}. Lý do: {reason.strip()}")
    return assignment


def request_extension(session, petition: Petition, actor, new_due_date, reason: str) -> ExtensionRequest:
    """Ask the coordinator for more time: once per petition, for a later date, with a reason."""
    ensure_allowed(petition, actor, "request_extension")  # once per petition, while it is being handled
    if new_due_date is None or petition.due_date is None or new_due_date <= petition.due_date:
        raise ValidationFailed("Ngày gia hạn phải sau hạn hiện tại.", "The new date must be after the current due date.",
                               field="new_due_date")
    if not reason.strip():
        raise ValidationFailed("Cần nêu lý do xin gia hạn.", "Give a reason.", field="reason")
    request = ExtensionRequest(petition=petition, agency_id=petition.agency_id, requested_due_date=new_due_date, state="pending",
                               reason=reason.strip(), requested_by_id=getattr(actor, "id", None))
    session.add(request)
    record_event(session, petition, kind="extension_requested", actor=actor, public=False,
                 note=f"Xin gia hạn đến {new_due_date:%d/%m/%Y}. Lý do: {reason.strip()}")
    return request


def decide_extension(session, request: ExtensionRequest, actor, *, grant: bool, note: str, new_due_date=None) -> None:
    """The coordinator grants (with the date asked or another later one) or refuses, with a reason."""
    if request.state != "pending":
        raise Conflict("Yêu cầu gia hạn này đã được quyết định.", "This request was already decided.")
    if not note.strip():
        raise ValidationFailed("Cần nêu lý do quyết định.", "Give a reason for the decision.", field="note")
    petition = request.petition
    request.state, request.decision_note = ("granted" if grant else "refused"), note.strip()
    request.decided_by_id, request.decided_at = getattr(actor, "id", None), utcnow()
    if not grant:
        record_event(session, petition, kind="extension_refused", actor=actor, public=False,
                     note=f"Không đồng ý gia hạn. Lý do: {note.strip()}")
        return
    new_date = new_due_date or request.requested_due_date
    if new_date <= petition.due_date:
        raise ValidationFailed("Ngày gia hạn phải sau hạn hiện tại.", "The new date must be later.", field="new_due_date")
    from portal.domain.calendar import end_of_working_day, load_overrides
    from portal.domain.routing import set_deadline

    set_deadline(petition, end_of_working_day(new_date, load_overrides(session)))
    petition.extension_used = True
    transition(session, petition, "extended", actor=actor,
               note=f"Gia hạn xử lý đến {new_date:%d/%m/%Y}. Lý do: {note.strip()}")
    notify_citizen(session, petition, "extended", note.strip())


def request_coordination(session, petition: Petition, actor, to_agency: Agency, note: str) -> CoordinationRequest:
    """The lead agency asks another to contribute; recorded on the timeline, the lead stays responsible."""
    ensure_allowed(petition, actor, "coordinate")
    if to_agency is None or to_agency.id == petition.agency_id:
        raise ValidationFailed("Chọn cơ quan phối hợp khác cơ quan chủ trì.", "Choose another agency.", field="agency")
    if not note.strip():
        raise ValidationFailed("Cần nêu nội dung đề nghị phối hợp.", "Say what you ask for.", field="note")
    request = CoordinationRequest(petition=petition, from_agency_id=petition.agency_id, to_agency_id=to_agency.id,
                                  note=note.strip(), created_by_id=getattr(actor, "id", None))
    session.add(request)
    record_event(session, petition, kind="coordination_requested", actor=actor,
                 note=f"Đề nghị {to_agency.name} phối hợp: {note.strip()}")
    notify_staff(session, to_agency.id, f"Đề nghị phối hợp xử lý {petition.code}",
                 f"{petition.agency.name} đề nghị phối hợp: {note.strip()}")
    return request


def reject_or_propose(session, petition: Petition, actor, reason: str, note: str) -> str:
    """What "từ chối" does for the one who asks, on the page and in the API: an agency head proposes
    (propose_rejection), a coordinator rejects (reject). Returns the petition's new status."""
    if getattr(actor, "role", None) == "agency_head":
        return propose_rejection(session, petition, actor, reason, note)
    return reject(session, petition, actor, reason, note)


def reject(session, petition: Petition, actor, reason: str, note: str) -> str:
    """A coordinator rejects the petition with a reason from the list and a note the sender reads."""
    ensure_allowed(petition, actor, "reject")
    reason, note = clean_rejection(reason, note)
    event = transition(session, petition, "rejected", actor=actor,
                       note=f"Từ chối xử lý. Lý do: {reason_label(reason)}. {note}")
    session.add(PetitionRejection(petition=petition, kind="rejection", reason=reason, note=note,
                                  agency_id=petition.agency_id, actor_id=event.actor_id,
                                  actor_label=event.actor_label, at=event.at))
    petition.needs_triage = False
    notify_citizen(session, petition, "rejected", f"{reason_label(reason)}. {note}")
    return petition.status


def propose_rejection(session, petition: Petition, actor, reason: str, note: str) -> str:
    """An agency head's rejection of their own item, before it is answered, goes back to the coordinator, who
    rejects it (reject) or assigns it again: an agency cannot drop a petition alone."""
    ensure_allowed(petition, actor, "propose_rejection")
    reason, note = clean_rejection(reason, note)
    agency_id = petition.agency_id
    event = transition(session, petition, "returned", actor=actor, public=False,
                       note=f"Đề xuất từ chối. Lý do: {reason_label(reason)}. {note}")
    session.add(PetitionRejection(petition=petition, kind="proposal", reason=reason, note=note, agency_id=agency_id,
                                  actor_id=event.actor_id, actor_label=event.actor_label, at=event.at))
    petition.needs_triage = True
    notify_staff(session, None, f"Đề xuất từ chối phản ánh {petition.code}",
                 f"{event.actor_label} đề xuất từ chối phản ánh {petition.code}. Lý do: {reason_label(reason)}. "
                 f"{note}\nMở hàng chờ phân loại để xác nhận từ chối hoặc giao lại.", roles=("coordinator",))
    return petition.status
