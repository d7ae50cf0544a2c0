"""Reminders to a leader's secretariat (issue 21): a week before a month ends, each obligation of a period ending
that month (the month's own; a quarter's or a year's whose last month it is) that the sessions held so far do not
meet is e-mailed to the office's secretariat, through the outbox, once per office, kind and period (a LeaderReminder
row with a unique key records it). An office without an address gets none; the committee's page flags it instead.
Run by `flask sweep` (domain/sweep.py), so a reminder goes out on the first sweep of the window."""
from dataclasses import dataclass
from datetime import date

from portal.domain import leaders
from portal.domain.calendar import local_date
from portal.domain.notify import queue_mail
from portal.models import LeaderOffice, LeaderReminder, OfficeHolder

# Where the secretariat plans sessions (the public calendar) and records them (the secretariat's pages).
CALENDAR_PATH = "/lich-tiep-dan"
SESSIONS_PATH = "/doi-thoai/"


@dataclass(frozen=True)
class UnmetObligation:
    """An obligation of a period ending this month, not met by the sessions held so far."""

    office: LeaderOffice
    holder: OfficeHolder
    kind: str
    period: str
    first: date
    last: date
    required: int
    held: int

    def period_label(self) -> str:
        if self.period == "month":
            return f"tháng {self.first:%m/%Y}"
        if self.period == "quarter":
            return f"quý {(self.first.month - 1) // 3 + 1}/{self.first.year}"
        return f"năm {self.first.year}"


def days_before_period_end() -> int:
    """How many days before a month's end the reminders start (portal/data/leaders.json, 7 by default: from the
    day when fewer than 8 days remain)."""
    return int(leaders.settings("reminders")["days_before_period_end"])


def unmet_near_period_end(session, today: date, days: int | None = None) -> list[UnmetObligation]:
    """The obligations of periods ending with this month still unmet on `today`, when at most `days` days are left
    after it; [] earlier in the month."""
    days = days_before_period_end() if days is None else days
    month_first, month_last = leaders.month_bounds(today)
    if (month_last - today).days > days:
        return []
    sessions = leaders.held_sessions(session, today.replace(month=1, day=1), today)
    unmet = []
    for office in session.query(LeaderOffice).filter_by(active=True).order_by(LeaderOffice.id):
        for obligation in office.obligations:
            first, last = leaders.period_of(today, obligation.period)
            if last != month_last:
                continue
            held = sum(1 for s in sessions if s.office_id == office.id and s.kind == obligation.kind
                       and first <= local_date(s.held_at) <= today)
            holder = leaders.accountable_holder(office, first, today)
            if held < obligation.count and holder is not None:
                unmet.append(UnmetObligation(office, holder, obligation.kind, obligation.period, first, last,
                                             obligation.count, held))
    return unmet


def send_reminders(session, today: date, public_url: str = "", days: int | None = None) -> int:
    """Queue one e-mail per office with an address listing its unmet obligations not reminded of yet, and record
    each reminder; returns how many e-mails were queued. Commits nothing: the sweep does."""
    by_office: dict[int, list[UnmetObligation]] = {}
    for item in unmet_near_period_end(session, today, days):
        if item.office.secretariat_email and not _reminded(session, item):
            by_office.setdefault(item.office.id, []).append(item)
    queued = 0
    for items in by_office.values():
        office = items[0].office
        for item in items:
            session.add(LeaderReminder(office_id=office.id, kind=item.kind, period=item.period,
                                       period_start=item.first, required=item.required, held=item.held,
                                       email=office.secretariat_email))
        key = ",".join(f"{item.kind}:{item.period}:{item.first.isoformat()}" for item in items)
        queued += queue_mail(session, office.secretariat_email, *reminder_text(items, today, public_url),
                             dedupe_key=f"leader-reminder:{office.id}:{key}")
    session.flush()
    return queued


def _reminded(session, item: UnmetObligation) -> bool:
    return session.query(LeaderReminder.id).filter_by(office_id=item.office.id, kind=item.kind, period=item.period,
                                                      period_start=item.first).first() is not None


def reminder_text(items: list[UnmetObligation], today: date, public_url: str = "") -> tuple[str, str]:
    """The subject and body: which obligation, required vs held so far, the days left, where to plan and record.
    In Vietnamese, the secretariat's language, as every notice the sweep sends (domain/notify.py)."""
    office, holder = items[0].office, items[0].holder
    place = leaders.place_name(office)
    days_left = (items[0].last - today).days
    subject = f"Nhắc lịch tiếp dân, đối thoại: {office.title} {place} còn {days_left} ngày"
    lines = [f"- {leaders.KIND_LABELS[item.kind]} {item.period_label()} "
             f"({item.first:%d/%m/%Y} – {item.last:%d/%m/%Y}): phải tổ chức {item.required} buổi, "
             f"đã tổ chức {item.held} buổi, còn thiếu {item.required - item.held}." for item in items]
    base = public_url.rstrip("/")
    body = (f"Kính gửi Văn phòng {office.title} {place},\n\n"
            f"Đến ngày {today:%d/%m/%Y}, đồng chí {holder.name} chưa tổ chức đủ số buổi theo quy định "
            f"(Quy định 11-QĐi/TW) trong kỳ sắp kết thúc:\n" + "\n".join(lines) + "\n\n"
            f"Kỳ kết thúc ngày {items[0].last:%d/%m/%Y}, còn {days_left} ngày. Đề nghị Văn phòng bố trí lịch, công "
            f"bố trên Lịch tiếp công dân: {base}{CALENDAR_PATH}\n"
            f"Buổi đã tổ chức được ghi nhận tại: {base}{SESSIONS_PATH}\n"
            "Ban Dân vận theo dõi việc thực hiện; thư này được gửi một lần cho mỗi nghĩa vụ của kỳ.")
    return subject, body
