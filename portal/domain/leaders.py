"""Leaders' offices, who held them when, what they owe (reception days and dialogues per month, quarter or year,
Quy định 11-QĐi/TW) and whether they held it: the committee's supervision of the heads.

The obligation belongs to the office. A period (a calendar month, quarter or year) is reported under the holder at
the period's last day, with every session the office held in it, also those a predecessor held before handing over
mid-period: the rule asks the office for so many sessions a month, and the one in office when the month ends answers
for it. A vacant office at the period's end reports under its last holder of that period. The rule counts sessions,
not days: a month with the Tết holiday owes as much as any other month.
"""
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from portal.domain import audit, places
from portal.domain.calendar import local_date
from portal.domain.errors import NotFound, ValidationFailed
from portal.domain.text import clean_text
from portal.models import DialogueSession, LeaderOffice, Obligation, OfficeHolder
from portal.models.leader import LEVELS, OBLIGATION_KINDS, OBLIGATION_PERIODS

CONFIG_PATH = Path(__file__).resolve().parent.parent / "data" / "leaders.json"
KIND_LABELS = {"reception": "Tiếp công dân định kỳ", "dialogue": "Đối thoại trực tiếp"}
PERIOD_LABELS = {"month": "tháng", "quarter": "quý", "year": "năm"}
HELD_STATUSES = ("held", "concluded")


@lru_cache(maxsize=1)
def _config() -> dict:
    return json.loads(CONFIG_PATH.read_text(encoding="utf-8"))


def settings(section: str) -> dict:
    """A section of portal/data/leaders.json: "reminders" (days before a period's end), "ad_hoc_candidates"
    (thresholds)."""
    return dict(_config()[section])


def target_groups() -> dict[str, str]:
    """The groups a session may be for (thanh niên, phụ nữ …), code → name: portal/data/leaders.json."""
    return dict(_config()["target_groups"])


def check_target_group(code: str) -> str:
    code = clean_text(code or "")
    if code and code not in target_groups():
        raise ValidationFailed("Nhóm đối tượng không có trong danh mục.", "Unknown target group.", field="target_group")
    return code


def default_obligations(level: str) -> list[dict]:
    """The obligations a new office of `level` starts with, each with the rule it comes from ("source")."""
    return [dict(item) for item in _config()["default_obligations"].get(level, [])]


def obligation_source(office: LeaderOffice, obligation: Obligation) -> str:
    """The rule behind an office's obligation when it is its level's default figure; "" for one an admin set."""
    return next((item["source"] for item in default_obligations(office.level)
                 if (item["kind"], item["period"], item["count"]) == (obligation.kind, obligation.period,
                                                                       obligation.count)), "")


def check_secretariat_email(text: str) -> str | None:
    """The address reminders go to, normalised; None when left blank (the committee's page then flags it)."""
    from email_validator import EmailNotValidError, validate_email

    text = clean_text(text or "")
    if not text:
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationFailed("Địa chỉ thư điện tử của văn phòng không hợp lệ.",
                               "The secretariat's e-mail address is not valid.", field="secretariat_email") from None


def set_secretariat_email(session, office: LeaderOffice, text: str, actor=None) -> None:
    """Where the office's reminders go (blank: none); audited like every change to an office."""
    audit.acting_as(session, actor)
    office.secretariat_email = check_secretariat_email(text)
    session.flush()


def check_place(level: str, place_code: str) -> None:
    if level not in LEVELS:
        raise ValidationFailed("Cấp phải là cấp tỉnh hoặc cấp xã.", "Level is province or commune.", field="level")
    known = places.province_name(place_code) if level == "province" else places.ward_name_anywhere(place_code)
    if not known:
        raise ValidationFailed("Mã địa bàn không có trong danh mục tỉnh, xã.", "Unknown place code.",
                               field="place_code")


def place_name(office: LeaderOffice) -> str:
    if office.level == "province":
        return places.province_name(office.place_code)
    return places.ward_name_anywhere(office.place_code)


def create_office(session, *, title: str, level: str, place_code: str, holder_name: str, starts_on: date,
                  secretariat_email: str = "", actor=None) -> LeaderOffice:
    """A new office with its first holder and the default obligations of its level (portal/data/leaders.json)."""
    audit.acting_as(session, actor)
    title, holder_name = clean_text(title), clean_text(holder_name)
    if not title or not holder_name:
        raise ValidationFailed("Cần chức danh và họ tên người giữ chức vụ.", "Title and holder's name are required.",
                               field="title" if not title else "holder_name")
    check_place(level, place_code)
    office = LeaderOffice(title=title, level=level, place_code=place_code,
                          secretariat_email=check_secretariat_email(secretariat_email))
    office.holders.append(OfficeHolder(name=holder_name, starts_on=starts_on))
    for item in default_obligations(level):
        office.obligations.append(Obligation(kind=item["kind"], count=item["count"], period=item["period"]))
    session.add(office)
    session.flush()
    return office


def change_holder(session, office: LeaderOffice, name: str, starts_on: date, actor=None) -> OfficeHolder:
    """A new holder from `starts_on`; the previous one's term ends the day before. History stays."""
    audit.acting_as(session, actor)
    name = clean_text(name)
    if not name:
        raise ValidationFailed("Cần họ tên người giữ chức vụ.", "The holder's name is required.", field="name")
    current = office.holders[-1] if office.holders else None
    if current and starts_on <= current.starts_on:
        raise ValidationFailed(f"Ngày nhận nhiệm vụ phải sau {current.starts_on:%d/%m/%Y}.",
                               f"The start must be after {current.starts_on:%d/%m/%Y}.", field="starts_on")
    if current:
        current.ends_on = starts_on - timedelta(days=1)
    holder = OfficeHolder(name=name, starts_on=starts_on)
    office.holders.append(holder)
    session.flush()
    return holder


def set_obligation(session, office: LeaderOffice, *, kind: str, period: str, count: int, actor=None) -> None:
    """How many sessions of `kind` the office owes each `period`; 0 removes the obligation."""
    audit.acting_as(session, actor)
    if kind not in OBLIGATION_KINDS or period not in OBLIGATION_PERIODS:
        raise ValidationFailed("Loại nghĩa vụ hoặc kỳ không hợp lệ.", "Invalid kind or period.", field="kind")
    if not 0 <= count <= 100:
        raise ValidationFailed("Số buổi phải từ 0 đến 100.", "The count is 0 to 100.", field="count")
    existing = next((o for o in office.obligations if o.kind == kind and o.period == period), None)
    if existing and count == 0:
        office.obligations.remove(existing)
        session.delete(existing)
    elif existing:
        existing.count = count
    elif count:
        office.obligations.append(Obligation(kind=kind, period=period, count=count))
    session.flush()


def office_or_404(session, office_id: int) -> LeaderOffice:
    office = session.get(LeaderOffice, office_id)
    if office is None:
        raise NotFound("Không tìm thấy chức danh lãnh đạo.", "No such office.")
    return office


def holder_on(office: LeaderOffice, day: date) -> OfficeHolder | None:
    return next((h for h in office.holders if h.starts_on <= day and (h.ends_on is None or day <= h.ends_on)), None)


def accountable_holder(office: LeaderOffice, first: date, last: date) -> OfficeHolder | None:
    """Who answers for the period [first, last]: the holder on its last day, else its last holder within it."""
    holder = holder_on(office, last)
    if holder:
        return holder
    within = [h for h in office.holders if h.starts_on <= last and (h.ends_on is None or h.ends_on >= first)]
    return within[-1] if within else None


def _period_start(day: date, period: str) -> date:
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def _next_start(start: date, period: str) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def whole_periods(first: date, last: date, period: str) -> list[tuple[date, date]]:
    """The calendar months (quarters, years) lying wholly within [first, last], as (first day, last day)."""
    start = _period_start(first, period)
    if start < first:
        start = _next_start(start, period)
    periods = []
    while (end := _next_start(start, period) - timedelta(days=1)) <= last:
        periods.append((start, end))
        start = end + timedelta(days=1)
    return periods


@dataclass
class LeaderCompliance:
    """One holder of one office over a range: sessions owed (in whole periods) and held, the periods that fell
    short, conclusion notices due and on time."""

    office: LeaderOffice
    holder: OfficeHolder | None
    required: dict = field(default_factory=lambda: dict.fromkeys(OBLIGATION_KINDS, 0))
    held: dict = field(default_factory=lambda: dict.fromkeys(OBLIGATION_KINDS, 0))
    # (kind, first day, last day, owed, held) of each period whose obligation was not met.
    missed: list = field(default_factory=list)
    conclusions_due: int = 0
    conclusions_on_time: int = 0
    # The petitions raised at those sessions (questions asked ahead, citizens received): how many, answered, on time.
    answered_on_time: dict = field(default_factory=lambda: dict.fromkeys(("total", "answered", "on_time"), 0))

    @property
    def compliant(self) -> bool:
        """Every period met on its own: a busy March does not make up for an empty February."""
        return not self.missed

    @property
    def unmet(self) -> list[str]:
        return sorted({kind for kind, *_ in self.missed}, key=OBLIGATION_KINDS.index)

    def as_json(self) -> dict:
        return {"name": self.holder.name, "office": self.office.title,
                "level": self.office.level, "place": place_name(self.office), "place_code": self.office.place_code,
                "required": dict(self.required), "held": dict(self.held), "conclusions_due": self.conclusions_due,
                "conclusions_on_time": self.conclusions_on_time, "compliant": self.compliant,
                "answered_on_time": dict(self.answered_on_time),
                "missed": [{"kind": kind, "from": start.isoformat(), "to": end.isoformat(), "required": owed,
                            "held": count} for kind, start, end, owed, count in self.missed]}


def held_sessions(session, first: date, last: date) -> list[DialogueSession]:
    """The offices' sessions held (or concluded) on a Vietnam day in [first, last]."""
    from portal.domain.calendar import utc_start_of

    return (session.query(DialogueSession)
            .filter(DialogueSession.office_id.isnot(None), DialogueSession.status.in_(HELD_STATUSES),
                    DialogueSession.held_at >= utc_start_of(first),
                    DialogueSession.held_at < utc_start_of(last + timedelta(days=1)))
            .all())


def period_of(day: date, period: str) -> tuple[date, date]:
    """The first and last day of the month, quarter or year `day` falls in."""
    first = _period_start(day, period)
    return first, _next_start(first, period) - timedelta(days=1)


def month_bounds(day: date) -> tuple[date, date]:
    return period_of(day, "month")


def compliance(session, first: date, last: date, today: date) -> list[LeaderCompliance]:
    """Per office and accountable holder over [first, last]: reception days and dialogues owed in the whole months,
    quarters and years within the range, and held (each session under the holder at the end of its month); the
    periods that fell short; conclusion notices due and on time."""
    from portal.domain.dialogue import is_conclusion_late

    sessions = held_sessions(session, first, last)
    rows: dict[tuple[int, int | None], LeaderCompliance] = {}
    row_of_session: dict[int, LeaderCompliance] = {}

    def row(office, start, end):
        holder = accountable_holder(office, start, end)
        if holder is None:  # nobody held the office then (it did not exist yet): nothing was owed
            return None
        return rows.setdefault((office.id, holder.id), LeaderCompliance(office, holder))

    for office in session.query(LeaderOffice).filter_by(active=True).order_by(LeaderOffice.level.desc(),
                                                                              LeaderOffice.id):
        row(office, first, last)
        mine = [s for s in sessions if s.office_id == office.id]
        for obligation in office.obligations:
            for start, end in whole_periods(first, last, obligation.period):
                count = sum(1 for s in mine if s.kind == obligation.kind and start <= local_date(s.held_at) <= end)
                item = row(office, start, end)
                if item is None:
                    continue
                item.required[obligation.kind] += obligation.count
                if count < obligation.count:
                    item.missed.append((obligation.kind, start, end, obligation.count, count))
        for dialogue in mine:
            item = row(office, *month_bounds(local_date(dialogue.held_at)))
            if item is None:
                continue
            item.held[dialogue.kind] += 1
            row_of_session[dialogue.id] = item
            if dialogue.conclusion_published_at or dialogue.conclusion_due_date < today:
                item.conclusions_due += 1
                item.conclusions_on_time += not is_conclusion_late(dialogue, today)
    _count_answers(session, row_of_session)
    return list(rows.values())


def _count_answers(session, row_of_session: dict[int, "LeaderCompliance"]) -> None:
    """Add to each row the petitions raised at its sessions: answered once published, on time by the deadline
    rule decided at publication (calendar.is_on_time, kept in Petition.answered_on_time)."""
    from sqlalchemy import case, func

    from portal.models import Petition

    if not row_of_session:
        return
    figures = (session.query(Petition.dialogue_session_id, func.count(Petition.id),
                             func.count(Petition.published_at),
                             func.sum(case((Petition.answered_on_time.is_(True), 1), else_=0)))
               .filter(Petition.dialogue_session_id.in_(list(row_of_session)))
               .group_by(Petition.dialogue_session_id))
    for session_id, total, answered, on_time in figures:
        counts = row_of_session[session_id].answered_on_time
        counts["total"] += total
        counts["answered"] += answered
        counts["on_time"] += int(on_time or 0)


def month_so_far(session, today: date) -> list[LeaderCompliance]:
    """This month's monthly obligations not yet met by the sessions held so far: what is still to be held before
    the month ends (the dashboard's warning, before the month's compliance is final)."""
    first, last = month_bounds(today)
    sessions = held_sessions(session, first, last)
    rows = []
    for office in session.query(LeaderOffice).filter_by(active=True).order_by(LeaderOffice.id):
        holder = accountable_holder(office, first, today)
        if holder is None:
            continue
        item = LeaderCompliance(office, holder)
        for obligation in office.obligations:
            if obligation.period == "month":
                count = sum(1 for s in sessions if s.office_id == office.id and s.kind == obligation.kind)
                item.required[obligation.kind] += obligation.count
                item.held[obligation.kind] += count
                if count < obligation.count:
                    item.missed.append((obligation.kind, first, last, obligation.count, count))
        if item.missed:
            rows.append(item)
    return rows


def upcoming(session, now: datetime, *, level: str = "", target_group: str = "",
             limit: int = 200) -> list[DialogueSession]:
    """Planned reception days and dialogues from `now` on, soonest first; filtered by level and target group."""
    query = (session.query(DialogueSession)
             .filter(DialogueSession.status == "planned", DialogueSession.held_at >= now))
    if level in LEVELS:
        query = query.filter(DialogueSession.level == level)
    if target_group:
        query = query.filter(DialogueSession.target_group == target_group)
    return query.order_by(DialogueSession.held_at, DialogueSession.id).limit(limit).all()


def offices(session) -> list[LeaderOffice]:
    return session.query(LeaderOffice).order_by(LeaderOffice.level.desc(), LeaderOffice.id).all()


# Kết luận 215-KL/TW asks for reports of the month, the quarter, 6 and 9 months and the year.
REPORT_KINDS = {"thang": "tháng", "quy": "quý", "6-thang": "6 tháng", "9-thang": "9 tháng", "nam": "năm"}


def report_period(kind: str, year: int, number: int = 1) -> tuple[date, date]:
    """The days a report covers: month `number`, quarter `number`, the first 6 or 9 months, or the year."""
    if kind not in REPORT_KINDS or not 2000 <= year <= 2100:
        raise ValidationFailed("Kỳ báo cáo không hợp lệ.", "Invalid report period.", field="ky")
    if kind == "thang" and 1 <= number <= 12:
        first = date(year, number, 1)
        return first, _next_start(first, "month") - timedelta(days=1)
    if kind == "quy" and 1 <= number <= 4:
        first = date(year, number * 3 - 2, 1)
        return first, _next_start(first, "quarter") - timedelta(days=1)
    months = {"6-thang": 6, "9-thang": 9, "nam": 12}.get(kind)
    if months:
        return date(year, 1, 1), _next_start(date(year, months, 1), "month") - timedelta(days=1)
    raise ValidationFailed("Số tháng hoặc số quý không hợp lệ.", "Invalid month or quarter number.", field="so")


def reception_report(session, first: date, last: date, today: date) -> dict:
    """Receptions and dialogues held in [first, last], citizens received, and the petitions received at them by
    category: how many, answered, on time, still open (as of `today`)."""
    from portal.domain.calendar import utc_start_of
    from portal.domain.lifecycle import OPEN_STATUSES
    from portal.models import Category, Petition

    start, end = utc_start_of(first), utc_start_of(last + timedelta(days=1))
    held = (session.query(DialogueSession)
            .filter(DialogueSession.status.in_(HELD_STATUSES), DialogueSession.held_at >= start,
                    DialogueSession.held_at < end).all())
    ids = [item.id for item in held]
    petitions = (session.query(Petition.status, Petition.published_at, Petition.answered_on_time, Petition.due_date,
                               Category.name)
                 .join(Category, Category.id == Petition.category_id)
                 .filter(Petition.dialogue_session_id.in_(ids)).all()) if ids else []
    by_category: dict[str, dict] = {}
    for status, published_at, on_time, due_date, category in petitions:
        row = by_category.setdefault(category, dict.fromkeys(("total", "answered", "on_time", "open", "overdue"), 0))
        row["total"] += 1
        row["answered"] += published_at is not None
        row["on_time"] += on_time is True
        row["open"] += status in OPEN_STATUSES
        row["overdue"] += status in OPEN_STATUSES and due_date is not None and due_date < today
    totals = {key: sum(row[key] for row in by_category.values())
              for key in ("total", "answered", "on_time", "open", "overdue")}
    return {"first": first, "last": last,
            "held": {kind: sum(1 for item in held if item.kind == kind) for kind in OBLIGATION_KINDS},
            "citizens_received": sum(item.participants for item in held if item.kind == "reception"),
            "by_category": dict(sorted(by_category.items())), "totals": totals}
