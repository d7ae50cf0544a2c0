"""Leader–citizen dialogue sessions: record, hold, conclude within the deadline, follow up every petition."""
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.orm import object_session

from portal.domain import audit
from portal.domain.calendar import add_working_days, local_date, local_today
from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.lifecycle import OPEN_STATUSES
from portal.domain.intake import Receipt, receive
from portal.domain.petitions import PetitionDraft
from portal.domain.publication import public_conclusion
from portal.domain.text import clean_text
from portal.models import DialogueSession, Petition
from portal.models.base import utcnow

LEVELS = {"province": "Cấp tỉnh", "commune": "Cấp xã"}
KINDS = {"dialogue": "Đối thoại trực tiếp", "reception": "Tiếp công dân định kỳ"}
# The channel of the petitions a session receives, before it (questions) or at it.
CHANNEL_OF_KIND = {"dialogue": "dialogue", "reception": "reception"}


def conclusion_due(held_at: datetime, days: int, working_days: bool = False) -> date:
    """The notice is due `days` after the session: calendar days by default, working days if configured."""
    held_day = local_date(held_at)
    return add_working_days(held_day, days) if working_days else held_day + timedelta(days=days)


def create_session(session, *, leader_name: str = "", leader_office: str = "", level: str = "", held_at: datetime,
                   venue: str, participants: int, topics: str, conclusion_days: int, working_days: bool = False,
                   kind: str = "dialogue", office=None, target_group: str = "", actor=None) -> DialogueSession:
    """A session, planned or recorded after the fact. With an `office` (portal/domain/leaders.py) the leader is the
    office's holder on the session's day and the session counts for the office's obligations."""
    from portal.domain.leaders import check_target_group, holder_on

    audit.acting_as(session, actor)
    if kind not in KINDS:
        raise ValidationFailed("Loại buổi phải là đối thoại hoặc tiếp công dân.", "Kind is dialogue or reception.",
                               field="kind")
    if office is not None:
        holder = holder_on(office, local_date(held_at))
        if holder is None:
            raise ValidationFailed("Chức danh này không có người giữ vào ngày đó.",
                                   "Nobody holds this office on that day.", field="held_at")
        leader_name, leader_office, level = holder.name, office.title, office.level
    if not clean_text(leader_name) or not clean_text(leader_office):
        raise ValidationFailed("Chọn chức danh lãnh đạo, hoặc nhập người chủ trì và chức vụ.",
                               "Choose an office, or type the leader and their office.", field="leader_name")
    if level not in LEVELS:
        raise ValidationFailed("Cấp đối thoại phải là cấp tỉnh hoặc cấp xã.", "Level is province or commune.",
                               field="level")
    if participants < 0:
        raise ValidationFailed("Số người tham dự không hợp lệ.", "Invalid number of participants.",
                               field="participants")
    dialogue = DialogueSession(leader_name=clean_text(leader_name), leader_office=clean_text(leader_office),
                               level=level, held_at=held_at, venue=clean_text(venue), participants=participants,
                               topics=clean_text(topics), status="planned", kind=kind,
                               office_id=office.id if office is not None else None,
                               target_group=check_target_group(target_group),
                               conclusion_due_date=conclusion_due(held_at, conclusion_days, working_days),
                               created_by_id=getattr(actor, "id", None))
    session.add(dialogue)
    return dialogue


def mark_held(dialogue: DialogueSession, now: datetime | None = None, *, actor=None) -> None:
    audit.acting_as(object_session(dialogue), actor)
    now = now or utcnow()
    if dialogue.status != "planned":
        raise Conflict("Buổi đối thoại đã được ghi nhận là đã diễn ra.", "The session is already marked held.")
    if dialogue.held_at > now:
        raise ValidationFailed("Buổi đối thoại chưa diễn ra (thời gian ở tương lai), chưa thể đánh dấu đã tổ chức.",
                               "The session is in the future; it cannot be marked held.", field="held_at")
    dialogue.status = "held"


def publish_conclusion(dialogue: DialogueSession, conclusion: str, now: datetime | None = None, *,
                       actor=None) -> bool:
    """Publish the thông báo kết luận; returns True when it is late."""
    audit.acting_as(object_session(dialogue), actor)
    now = now or utcnow()
    conclusion = clean_text(conclusion)
    if dialogue.status == "planned":
        raise Conflict("Cần ghi nhận buổi đối thoại đã diễn ra trước khi ban hành kết luận.",
                       "Mark the session held before publishing its conclusion.")
    if now < dialogue.held_at:
        raise ValidationFailed("Thông báo kết luận không thể ban hành trước buổi đối thoại.",
                               "The conclusion cannot precede the session.")
    if len(conclusion) < 30:
        raise ValidationFailed("Thông báo kết luận cần ít nhất 30 ký tự.", "The conclusion needs 30 characters.",
                               field="conclusion")
    dialogue.conclusion_text, dialogue.conclusion_published_at, dialogue.status = conclusion, now, "concluded"
    dialogue.public_conclusion = public_conclusion(conclusion)
    return is_conclusion_late(dialogue)


def is_conclusion_late(dialogue: DialogueSession, today: date | None = None) -> bool:
    """Late when published after the due day, or not published and the due day has passed."""
    if dialogue.conclusion_published_at:
        return local_date(dialogue.conclusion_published_at) > dialogue.conclusion_due_date
    return (today or local_today()) > dialogue.conclusion_due_date


def record_petition(session, dialogue: DialogueSession, draft: PetitionDraft, actor=None, *,
                    photos: Sequence[bytes] = (), storage=None, instruction: str = "") -> Receipt:
    """A petition raised at the session (or a citizen received on a reception day), with the photos handed in (kept
    in `storage`): it enters the normal road (received, then classified, assigned and answered). The leader's
    `instruction` becomes the task of its assignment. The caller commits, then routes it (`intake.route_if_inline`)."""
    if dialogue.status == "planned":
        raise Conflict("Buổi đối thoại chưa diễn ra.", "The session has not been held yet.")
    session.flush()  # a dialogue created in this unit of work gets its row and id before the petition refers to it
    draft.channel, draft.dialogue_session_id = CHANNEL_OF_KIND[dialogue.kind], dialogue.id
    receipt = receive(session, draft, actor, photos=photos, storage=storage)
    instruction = clean_text(instruction)
    if instruction:
        task = (f"Thực hiện ý kiến chỉ đạo của đồng chí {dialogue.leader_name}, {dialogue.leader_office} "
                f"({KINDS[dialogue.kind].lower()} ngày {local_date(dialogue.held_at):%d/%m/%Y}) về phản ánh "
                f"{receipt.code}: {instruction}")
        session.query(Petition).filter_by(id=receipt.petition_id).update({"leader_instruction": task},
                                                                         synchronize_session=False)
    return receipt


def ask_ahead(session, dialogue: DialogueSession, draft: PetitionDraft, now: datetime, actor=None) -> Receipt:
    """A question sent before a planned session (web, hotline, API): a petition of the session's channel linked to
    it, received through the one intake road, so that it is classified and routed at once and the agency prepares
    its answer before the session. The caller commits, then routes it (`intake.route_if_inline`)."""
    if dialogue.status != "planned" or dialogue.held_at <= now:
        raise Conflict("Buổi này đã diễn ra, không nhận câu hỏi trước nữa. Bạn có thể gửi phản ánh thông thường.",
                       "This session has already taken place; it takes no more questions. Send a petition instead.",
                       code="session_not_planned")
    session.flush()  # as in record_petition: the session has its id before the petition refers to it
    draft.channel, draft.dialogue_session_id = CHANNEL_OF_KIND[dialogue.kind], dialogue.id
    return receive(session, draft, actor)


def session_sheet(dialogue: DialogueSession) -> list[dict]:
    """The secretary's sheet: each question or petition of the session with the agency handling it and its
    prepared answer (the agency's latest draft or answer), oldest first."""
    from portal.models import Answer

    rows = []
    for petition in dialogue.petitions.order_by(Petition.id):
        answer = petition.answers.order_by(Answer.id.desc()).first()
        rows.append({"petition": petition, "agency": petition.agency,
                     "answer_html": answer.body_html if answer else "", "answer_state": answer.state if answer else "",
                     "asked_ahead": petition.created_at < dialogue.held_at})
    return rows


_ITEM_START = re.compile(r"^\s*(?:\d+[.)]|[-•*+]|[a-zđ][.)])\s+", re.IGNORECASE)
# How minutes end: the session closes, the chair thanks the people, the minutes are read out and signed. A closing
# starts a line or a sentence; nothing from it on is a petition.
_CLOSING = re.compile(
    r"(?:^|(?<=[.!?…;:])\s+)(?:"
    r"(?:buổi|cuộc|hội nghị)(?:\s+(?:đối thoại|tiếp xúc cử tri|tiếp xúc|họp|làm việc))?(?:\s+trực tiếp)?"
    r"\s+(?:đã\s+)?(?:kết thúc|bế mạc)"
    r"|kết thúc\s+(?:buổi|cuộc|hội nghị)"
    r"|(?:(?:đồng chí|ông|bà)\s[^.!?]{0,80}?)?(?:chủ tọa|chủ toạ|chủ trì|người chủ trì)\b[^.!?]{0,120}?"
    r"(?:cảm ơn|tuyên bố kết thúc|bế mạc)"
    r"|(?:xin\s+)?(?:chân thành\s+|trân trọng\s+)?cảm ơn\s+(?:bà con|cử tri|nhân dân|các đại biểu|quý vị|toàn thể)"
    r"|biên bản\s+(?:kết thúc|lập xong|được lập xong|được thông qua|đã được đọc lại|được đọc lại|được đọc cho)"
    r")",
    re.IGNORECASE,
)


def _until_closing(lines: list[str], first: int) -> list[str]:
    """The lines before the minutes' closing (looked for from line `first` on, past any heading); a closing
    sentence inside a line keeps what came before it."""
    for index in range(first, len(lines)):
        line = lines[index].strip()
        item = _ITEM_START.match(line)
        # In an item's own line only a later sentence can close: "1. Ông D, chủ trì tổ dân phố, cảm ơn…" is a petition.
        found = _CLOSING.search(line, item.end() if item else 0)
        if found:
            return lines[:index] + [line[:found.start()]]
    return lines


def split_minutes(minutes: str) -> list[str]:
    """Minutes pasted as text → one petition per numbered or bulleted item, else one per paragraph; the closing
    of the minutes ("Buổi đối thoại kết thúc lúc…", "Chủ tọa cảm ơn…") and what follows it is left out."""
    lines = clean_text(minutes).splitlines()
    items, current = [], []
    starts = [index for index, line in enumerate(lines) if _ITEM_START.match(line)]
    lines = _until_closing(lines, starts[0] if starts else 1)
    if starts:
        for line in lines:
            if _ITEM_START.match(line):
                if current:
                    items.append(" ".join(current))
                current = [_ITEM_START.sub("", line).strip()]
            elif line.strip() and current:
                current.append(line.strip())
        if current:
            items.append(" ".join(current))
    else:
        items = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "\n".join(lines))]
    return [item for item in items if len(item) >= 20]


def follow_up(dialogue: DialogueSession, today: date | None = None) -> dict:
    """Every petition of the session: answered, on time, overdue."""
    today = today or local_today()
    petitions = dialogue.petitions.order_by(Petition.id).all()
    answered = [p for p in petitions if p.published_at]
    overdue = [p for p in petitions if (p.status in OPEN_STATUSES and p.due_date and p.due_date < today)
               or p.answered_on_time is False]
    return {"petitions": petitions, "total": len(petitions), "answered": len(answered),
            "on_time": sum(1 for p in answered if p.answered_on_time), "overdue": len(overdue),
            "overdue_codes": {p.code for p in overdue}}


def follow_up_table(session, first: date, last: date, today: date | None = None) -> dict:
    """Sessions held in [first, last] with their petitions answered, on time and overdue, and whether the
    conclusion notice came on time: one grouped query over the sessions' petitions."""
    from sqlalchemy import and_, case, func, or_

    from portal.domain.metrics import Period

    today = today or local_today()
    period = Period(first, last)
    overdue = or_(Petition.answered_on_time.is_(False),
                  and_(Petition.status.in_(OPEN_STATUSES), Petition.due_date < today))
    counts = {row[0]: row[1:] for row in (
        session.query(Petition.dialogue_session_id, func.count(Petition.id),
                      func.sum(case((Petition.published_at.isnot(None), 1), else_=0)),
                      func.sum(case((Petition.answered_on_time.is_(True), 1), else_=0)),
                      func.sum(case((overdue, 1), else_=0)))
        .join(DialogueSession, DialogueSession.id == Petition.dialogue_session_id)
        .filter(DialogueSession.held_at >= period.start, DialogueSession.held_at < period.end)
        .group_by(Petition.dialogue_session_id))}
    rows = []
    for item in (session.query(DialogueSession)
                 .filter(DialogueSession.held_at >= period.start, DialogueSession.held_at < period.end,
                         DialogueSession.status != "planned")
                 .order_by(DialogueSession.held_at.desc())):
        total, answered, on_time, overdue_count = (int(v or 0) for v in counts.get(item.id, (0, 0, 0, 0)))
        rows.append({"session": item, "petitions": total, "answered": answered, "on_time": on_time,
                     "overdue": overdue_count, "conclusion_late": is_conclusion_late(item, today)})
    concluded = [r for r in rows if r["session"].conclusion_published_at]
    return {"rows": rows, "held": len(rows), "concluded": len(concluded),
            "concluded_on_time": sum(1 for r in concluded if not r["conclusion_late"]),
            "conclusion_late": sum(1 for r in rows if r["conclusion_late"])}
