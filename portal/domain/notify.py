"""E-mail notices: what each says and to whom. Queued in the outbox (portal/domain/outbox.py) in the same
transaction as the change they report, and delivered by its one loop with the other channels."""
from datetime import date, timedelta

from portal.domain import outbox
from portal.models import AGENCY_ROLES, Petition, User

CITIZEN_NOTICES = {
    "assigned": ("Phản ánh {code} đã được giao xử lý",
                 "Phản ánh {code} của bạn đã được giao cho {agency}, hạn trả lời {due}."),
    "extended": ("Phản ánh {code} được gia hạn xử lý",
                 "Thời hạn trả lời phản ánh {code} được gia hạn đến {due}. Lý do: {note}"),
    "published": ("Phản ánh {code} đã có trả lời",
                  "{agency} đã trả lời phản ánh {code}. Tra cứu bằng mã và mật mã của bạn để xem và đánh giá."),
    "apology": ("Thư xin lỗi về phản ánh {code}",
                "{agency} chưa trả lời phản ánh {code} đúng hạn ({due}) và gửi lời xin lỗi. Thư xin lỗi có trên "
                "trang tra cứu."),
    "rejected": ("Phản ánh {code} không được tiếp nhận xử lý",
                 "Phản ánh {code} của bạn không được tiếp nhận xử lý. Lý do: {note} Tra cứu bằng mã và mật mã của "
                 "bạn để xem chi tiết."),
    "merged": ("Phản ánh {code} được gộp với phản ánh trùng",
               "Phản ánh {code} trùng nội dung với phản ánh khác nên được gộp để xử lý chung; bạn sẽ nhận trả lời "
               "của phản ánh chính."),
}


def queue_mail(session, to_address: str, subject: str, body: str, dedupe_key: str | None = None,
               tracking_code: str | None = None) -> bool:
    """Queue one e-mail; False when a notice with the same key was queued before. With `tracking_code` the e-mail
    ends with a link to the tracking page (added when it is sent, from PUBLIC_URL)."""
    payload = {"subject": subject, "body": body}
    if tracking_code:
        payload["tracking_code"] = tracking_code
    return outbox.enqueue(session, "email", to_address, payload, dedupe_key=dedupe_key)


def notify_citizen(session, petition: Petition, kind: str, note: str = "") -> bool:
    """Tell the citizen who left an e-mail address about a step of their petition."""
    if not petition.reporter_email or kind not in CITIZEN_NOTICES:
        return False
    subject, body = CITIZEN_NOTICES[kind]
    values = {"code": petition.code, "agency": petition.agency.name if petition.agency else "Cơ quan xử lý",
              "due": petition.due_date.strftime("%d/%m/%Y") if petition.due_date else "", "note": note}
    return queue_mail(session, petition.reporter_email, subject.format(**values), body.format(**values),
                      dedupe_key=f"citizen:{petition.id}:{kind}:{petition.version}", tracking_code=petition.code)


def notify_staff(session, agency_id: int | None, subject: str, body: str, roles=AGENCY_ROLES,
                 dedupe_prefix: str | None = None) -> int:
    """Tell the staff of an agency (or, with agency_id None, every user of `roles`)."""
    query = session.query(User).filter(User.active.is_(True), User.role.in_(roles))
    if agency_id is not None:
        query = query.filter(User.agency_id == agency_id)
    return sum(queue_mail(session, user.email, subject, body,
                          dedupe_key=f"{dedupe_prefix}:{user.id}" if dedupe_prefix else None) for user in query)


def notify_heads_of_draft(session, petition: Petition, author) -> int:
    """A draft answer waits for approval: each active head of the agency (but its author) is told, once a draft."""
    heads = session.query(User).filter(User.active.is_(True), User.role == "agency_head",
                                       User.agency_id == petition.agency_id, User.id != getattr(author, "id", None))
    title = petition.title or petition.content[:80]
    due = petition.due_date.strftime("%d/%m/%Y") if petition.due_date else "chưa có"
    subject = f"Dự thảo trả lời chờ duyệt: {petition.code}"
    body = (f"{getattr(author, 'full_name', '') or 'Chuyên viên'} đã gửi dự thảo trả lời phản ánh {petition.code} "
            f"({title}) để lãnh đạo duyệt. Hạn trả lời: {due}.\n"
            f"Mở Hộp việc, thẻ \"Chờ lãnh đạo duyệt\", để xem bản sẽ công khai, duyệt hoặc trả dự thảo để sửa.")
    return sum(queue_mail(session, head.email, subject, body,
                          dedupe_key=f"draft:{petition.id}:{petition.version}:{head.id}") for head in heads)


def queue_digests(session, today: date, due_within_days: int = 3) -> int:
    """Each agency officer and head gets one digest a day of their agency's open items due soon."""
    from portal.domain.lifecycle import OPEN_STATUSES

    horizon = today + timedelta(days=due_within_days)
    queued = 0
    for user in session.query(User).filter(User.active.is_(True), User.role.in_(AGENCY_ROLES)):
        items = (session.query(Petition).filter(Petition.agency_id == user.agency_id,
                                                Petition.status.in_(OPEN_STATUSES),
                                                Petition.due_date <= horizon).order_by(Petition.due_date).all())
        if not items:
            continue
        lines = [f"- {p.code}: hạn {p.due_date:%d/%m/%Y} — {p.title or p.content[:60]}" for p in items]
        queued += queue_mail(session, user.email, f"Phản ánh sắp đến hạn ({len(items)})",
                             "Các phản ánh của cơ quan sắp đến hạn hoặc đã quá hạn:\n" + "\n".join(lines),
                             dedupe_key=f"digest:{user.id}:{today.isoformat()}")
    return queued
