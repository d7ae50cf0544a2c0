"""The periodic sweep (`flask sweep`, from cron every few minutes): every step of a petition's life that waits for
the clock rather than for a person, in one place and in order. Running it twice changes nothing more; each step
commits its own work, so a crash half-way loses nothing already done and the next run finishes the rest."""
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Mapping

from portal.domain import overdue
from portal.domain.calendar import local_today, utcnow
from portal.domain.intake import work
from portal.domain.notify import SmtpSettings, deliver_pending, queue_digests
from portal.domain.retention import sweep_retention


@dataclass(frozen=True)
class SweepSettings:
    retention_months: int  # contact details are anonymised this many months after a petition ended
    smtp: SmtpSettings | None  # None: the sweep leaves e-mail queued (MAIL_ENABLED off)

    @classmethod
    def from_config(cls, config: Mapping) -> "SweepSettings":
        return cls(retention_months=int(config["RETENTION_MONTHS"]),
                   smtp=smtp_settings(config) if config["MAIL_ENABLED"] else None)


@dataclass(frozen=True)
class MailDelivery:
    sent: int = 0
    failed: int = 0  # kept queued for the next run
    unreachable: str | None = None  # why the mail server could not be reached; then nothing was sent


@dataclass(frozen=True)
class SweepReport:
    routed: int  # petitions the intake worker had left waiting
    marked_overdue: int
    digests_queued: int
    anonymised: int
    retention_months: int
    mail: MailDelivery | None  # None when the sweep does not send mail


def smtp_settings(config: Mapping) -> SmtpSettings:
    return SmtpSettings(host=config["MAIL_SERVER"], port=int(config["MAIL_PORT"]), sender=config["MAIL_SENDER"],
                        use_tls=bool(config["MAIL_USE_TLS"]), username=config["MAIL_USERNAME"],
                        password=config["MAIL_PASSWORD"])


def run_sweep(session, settings: SweepSettings, today: date | None = None) -> SweepReport:
    """Route what the intake worker left, mark overdue items (apology letters, notices), queue the daily digests,
    anonymise contact details past retention, and send queued mail. `today` pretends another day: the sweep then
    runs as at its first moment."""
    day = today or local_today()
    # The worker normally leaves nothing; if it is down, petitions still get routed once per cron run.
    routed = work(session, once=True)
    marked = overdue.sweep(session, day)
    digests = queue_digests(session, day)
    session.commit()
    now = datetime.combine(today, time()) if today else utcnow()
    anonymised = sweep_retention(session, now, settings.retention_months)
    mail = send_queued_mail(session, settings.smtp) if settings.smtp else None
    return SweepReport(routed=routed, marked_overdue=marked, digests_queued=digests, anonymised=anonymised,
                       retention_months=settings.retention_months, mail=mail)


def send_queued_mail(session, smtp: SmtpSettings) -> MailDelivery:
    """Deliver queued e-mail; an unreachable server is reported, not raised: the mail waits for the next run."""
    try:
        sent, failed = deliver_pending(session, smtp)
    except OSError as error:
        return MailDelivery(unreachable=str(error))
    return MailDelivery(sent=sent, failed=failed)
