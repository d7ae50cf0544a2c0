"""Retention of senders' contact details (Decree 13/2023/NĐ-CP): kept while a petition is handled, anonymised a
configurable time after it ends (default 24 months, by `flask sweep`), or earlier when the sender asks from the
tracking page.

Anonymising clears the name, phone, e-mail and exact address, rounds the coordinates to about 100 m, and replaces
every copy of those values found in what was written about the petition (title, content, public versions, answers,
timeline notes, assignment, apology letter, extension and coordination requests, the classifier's lessons, its
dialogue session's texts and their audit entries) and the e-mail queued for the sender. The petition's photos, which
can show a face, a plate or a house, are deleted, files and rows (media.erase_photos). The staff search text
follows, as it is made from the title and content. Nothing that the figures count changes: statuses, dates, agency,
category, channel and ward stay, and the petition is never deleted. The erasure leaves one event on the petition's
timeline, saying why, and one entry in the audit trail, naming the fields erased; neither holds an erased value.
"""
import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from portal.domain import media
from portal.domain.errors import Conflict
from portal.domain.lifecycle import FINAL_STATUSES, record_event
from portal.domain.privacy import public_coordinate
from portal.models import (
    Answer,
    Apology,
    Assignment,
    CoordinationRequest,
    DialogueSession,
    ExtensionRequest,
    LabelledExample,
    OutboxMessage,
    Petition,
    PetitionEvent,
)
from portal.models.audit import AuditEntry
from portal.models.base import utcnow
from portal.text.normalize import strip_accents

ERASED_EVENT = "contact_erased"
REASON_NOTES = {
    "retention": "Thông tin liên hệ của người gửi đã được ẩn danh do hết thời hạn lưu trữ ({months} tháng sau khi "
                 "phản ánh kết thúc).",
    "sender": "Thông tin liên hệ của người gửi đã được xoá theo yêu cầu của người gửi.",
}
ACTOR_LABELS = {"retention": "hệ thống (thời hạn lưu trữ)", "sender": "người gửi (trang tra cứu)"}
CONTACT_FIELDS = ("reporter_name", "reporter_phone", "reporter_email", "address", "lat", "lng")
PLACEHOLDERS = {"name": "[họ tên]", "phone": "[số điện thoại]", "email": "[thư điện tử]", "address": "[địa chỉ]"}
SEPARATORS = r"[\s.\-()]*"
# Rows of a petition whose texts may quote its sender: the task of an assignment is made from the content, an apology
# letter is addressed to the sender by name, staff write names and numbers into notes.
COPIES = ((Answer, ("body_html", "published_html")), (PetitionEvent, ("note",)),
          (Assignment, ("task", "expected_result")), (Apology, ("body_html",)),
          (ExtensionRequest, ("reason", "decision_note")), (CoordinationRequest, ("note", "reply")),
          (LabelledExample, ("text",)))
# A dialogue session's texts may name the citizens who spoke there.
DIALOGUE_TEXTS = ("topics", "conclusion_text", "public_conclusion")


@dataclass(frozen=True)
class ContactDetails:
    name: str
    phone: str
    email: str
    address: str

    @classmethod
    def of(cls, petition: Petition) -> "ContactDetails":
        return cls(petition.reporter_name or "", petition.reporter_phone or "", petition.reporter_email or "",
                   petition.address or "")

    def patterns(self) -> list[tuple[re.Pattern, str]]:
        """Regular expressions finding each value as it may be written in a text, with its placeholder."""
        found = []
        for kind, value in (("email", self.email), ("name", self.name), ("address", self.house_address())):
            for form in dict.fromkeys((value, strip_accents(value))):
                if len(form.strip()) >= 4:
                    words = r"\s+".join(re.escape(word) for word in form.split())
                    found.append((re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE), PLACEHOLDERS[kind]))
        national = re.sub(r"^(\+84|84|0)", "", re.sub(r"\D", "", self.phone))
        if len(national) >= 8:
            digits = SEPARATORS.join(national)
            found.append((re.compile(rf"(?<!\d)(?:(?:\+|00)?84|0)?{SEPARATORS}{digits}(?!\d)"), PLACEHOLDERS["phone"]))
        return found

    def house_address(self) -> str:
        """The address is scrubbed from texts only when it is a house's (it has a number): a street's name alone is
        where the problem is, not who reported it."""
        return self.address if re.search(r"\d", self.address) else ""


def scrub(text: str | None, patterns: list[tuple[re.Pattern, str]]) -> str | None:
    if not text:
        return text
    for pattern, placeholder in patterns:
        text = pattern.sub(placeholder, text)
    return text


def erase_contact(session, petition: Petition, *, reason: str, actor=None, months: int | None = None,
                  storage=None) -> bool:
    """Anonymise the sender's contact details and their copies, and delete the photos from `storage` (the media
    storage; needed when the petition has photos); False if they were erased before.
    The caller commits: the erasure and its event go together."""
    if petition.contact_erased_at is not None:
        return False
    patterns = ContactDetails.of(petition).patterns()
    if patterns:
        _scrub_copies(session, petition, patterns)
    photos = media.erase_photos(session, storage, petition)
    _audit(session, petition, reason, actor, photos)
    petition.reporter_name = petition.reporter_phone = petition.reporter_email = None
    petition.address = ""
    petition.lat, petition.lng = public_coordinate(petition.lat), public_coordinate(petition.lng)
    petition.contact_erased_at = utcnow()
    record_event(session, petition, kind=ERASED_EVENT, actor=actor, note=REASON_NOTES[reason].format(months=months),
                 actor_label="Người gửi" if reason == "sender" else "")
    return True


def _audit(session, petition: Petition, reason: str, actor, photos: int = 0) -> None:
    """The admin's audit trail says which fields were erased, by whom and when; never their values."""
    erased = {name: ["***", "≈100 m" if name in ("lat", "lng") else None] for name in CONTACT_FIELDS
              if getattr(petition, name) not in (None, "")}
    if photos:
        erased["photos"] = [photos, 0]
    session.add(AuditEntry(at=utcnow(), actor_id=getattr(actor, "id", None), actor_label=ACTOR_LABELS[reason],
                           object_type="petition", object_id=petition.code, action="update",
                           changes=json.dumps(erased, ensure_ascii=False)))


def _scrub_copies(session, petition: Petition, patterns) -> None:
    for name in ("title", "content", "public_title", "public_content"):
        setattr(petition, name, scrub(getattr(petition, name), patterns))
    for model, fields in COPIES:
        for row in session.query(model).filter_by(petition_id=petition.id):
            for name in fields:
                setattr(row, name, scrub(getattr(row, name), patterns))
    if petition.dialogue_session_id is not None:
        _scrub_dialogue(session, petition.dialogue_session_id, patterns)
    # Notices to the sender (e-mail, SMS): what was sent keeps no address, what waits is not sent any more.
    for message in session.query(OutboxMessage).filter(OutboxMessage.dedupe_key.like(f"citizen:{petition.id}:%")):
        if message.status == "pending":
            session.delete(message)
        else:
            message.recipient = ""


def _scrub_dialogue(session, dialogue_id: int, patterns) -> None:
    """The sender's dialogue session and its entries in the audit trail. Written with Core statements, not through
    the ORM, whose audit listener would copy the erased values into the trail as the fields' old values."""
    table, trail = DialogueSession.__table__, AuditEntry.__table__
    columns = [table.c[name] for name in DIALOGUE_TEXTS]
    texts = session.execute(select(*columns).where(table.c.id == dialogue_id)).one()
    session.execute(update(table).where(table.c.id == dialogue_id)
                    .values({column.name: scrub(text, patterns) for column, text in zip(columns, texts)}))
    entries = session.execute(select(trail.c.id, trail.c.changes).where(
        trail.c.object_type == DialogueSession.__tablename__, trail.c.object_id == str(dialogue_id))).all()
    for entry_id, changes in entries:
        if scrub(changes, patterns) != changes:
            session.execute(update(trail).where(trail.c.id == entry_id).values(changes=scrub(changes, patterns)))


def erase_on_request(session, petition: Petition, storage=None) -> None:
    """The sender, proven by code and secret, asks for their contact details (and photos) to be erased now."""
    if not erase_contact(session, petition, reason="sender", storage=storage):
        raise Conflict("Thông tin liên hệ của phản ánh này đã được xoá trước đây.",
                       "The contact details of this petition were already erased.", code="already_erased")


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's last day)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    last_day = (datetime(year + month // 12, month % 12 + 1, 1) - datetime(year, month, 1)).days
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def due_for_retention(session, cutoff: datetime, limit: int) -> list[Petition]:
    """Petitions that ended before the cutoff (closed, rejected, withdrawn or merged; or published and never
    closed) and still keep their sender's contact details. Two queries, each read from its partial index."""
    # In no particular order: erased rows leave the partial indexes, so each batch starts where the due rows are,
    # and nothing sorts the whole backlog of a first run over an old archive.
    kept = Petition.contact_erased_at.is_(None)
    ended = (session.query(Petition).filter(kept, Petition.status.in_(FINAL_STATUSES), Petition.closed_at < cutoff)
             .limit(limit).all())
    published = (session.query(Petition).filter(kept, Petition.status == "published", Petition.published_at < cutoff)
                 .limit(limit - len(ended)).all()) if len(ended) < limit else []
    return ended + published


def sweep_retention(session, now: datetime, months: int, batch: int = 500, most: int = 20_000, *,
                    storage=None) -> int:
    """Anonymise the petitions past the retention period, a batch per commit, at most `most` a run (the first run
    over an old archive spreads over several cron runs instead of holding one for hours); returns how many."""
    cutoff = months_before(now, months)
    erased = 0
    while erased < most and (petitions := due_for_retention(session, cutoff, min(batch, most - erased))):
        for petition in petitions:
            erase_contact(session, petition, reason="retention", months=months, storage=storage)
        session.commit()
        erased += len(petitions)
    return erased
