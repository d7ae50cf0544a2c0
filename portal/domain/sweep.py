"""The periodic sweep (`flask sweep`, from cron every few minutes): every step of a petition's life that waits for
the clock rather than for a person, in one place and in order. Running it twice changes nothing more; each step
commits its own work, so a crash half-way loses nothing already done and the next run finishes the rest."""
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Mapping

from portal.domain import overdue
from portal.domain.calendar import local_today, utcnow
from portal.domain.intake import work
from portal.domain.leader_reminders import send_reminders
from portal.domain.notify import queue_digests
from portal.domain.outbox import DeliveryReport, deliver_due
from portal.domain.outbox_channels import OutboxSettings
from portal.domain.retention import sweep_retention


@dataclass(frozen=True)
class SweepSettings:
    retention_months: int  # contact details are anonymised this many months after a petition ended
    outbox: OutboxSettings  # the channels the outbox's messages go out by, and when to retry

    @classmethod
    def from_config(cls, config: Mapping) -> "SweepSettings":
        return cls(retention_months=int(config["RETENTION_MONTHS"]), outbox=OutboxSettings.from_config(config))


@dataclass(frozen=True)
class SweepReport:
    routed: int  # petitions the intake worker had left waiting
    marked_overdue: int
    digests_queued: int
    anonymised: int
    retention_months: int
    outbox: DeliveryReport
    supporters_forgotten: int = 0  # supports older than 30 days whose supporter's keyed hash was cleared
    leader_reminders: int = 0  # e-mails to leaders' secretariats of obligations unmet as a month ends


def run_sweep(session, settings: SweepSettings, today: date | None = None, *, storage=None) -> SweepReport:
    """Route what the intake worker left, mark overdue items (apology letters, notices), queue the daily digests and
    the reminders of leaders' obligations unmet as a month ends (domain/leader_reminders.py), anonymise contact
    details past retention, and deliver the outbox's due messages. `today` pretends another day: the sweep then runs
    as at its first moment."""
    day = today or local_today()
    # The worker normally leaves nothing; if it is down, petitions still get routed once per cron run.
    routed = work(session, once=True)
    # Deadlines are moments (urgent items are due at an hour): compared with now, or the start of the day pretended.
    marked = overdue.sweep(session, day, None if today else utcnow())
    digests = queue_digests(session, day)
    reminders = send_reminders(session, day, settings.outbox.public_url)
    session.commit()
    now = datetime.combine(today, time()) if today else utcnow()
    # `storage`, the media storage, is where the anonymised petitions' photos are deleted from.
    anonymised = sweep_retention(session, now, settings.retention_months, storage=storage)
    supporters_forgotten = forget_who_supported(session, now)
    delivered = deliver_due(session, settings.outbox.channels(), settings.outbox.policy)
    return SweepReport(routed=routed, marked_overdue=marked, digests_queued=digests, anonymised=anonymised,
                       retention_months=settings.retention_months, outbox=delivered,
                       supporters_forgotten=supporters_forgotten, leader_reminders=reminders)


def forget_who_supported(session, now: datetime) -> int:
    """Supporters' keyed hashes are kept 30 days (domain/support.py), spent proofs of work until their challenge
    expires (domain/proof_of_work.py); both are forgotten here. Returns how many supporters were."""
    from portal.domain.proof_of_work import forget_spent
    from portal.domain.support import forget_supporters

    forgotten = forget_supporters(session, now)
    forget_spent(session, now)
    session.commit()
    return forgotten
