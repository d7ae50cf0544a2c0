"""flask sweep and flask mail-flush: safe to run from cron every few minutes."""
import click
from flask import current_app

from portal.domain.calendar import local_today
from portal.extensions import db


def smtp_settings():
    from portal.domain.notify import SmtpSettings

    config = current_app.config
    return SmtpSettings(host=config["MAIL_SERVER"], port=int(config["MAIL_PORT"]), sender=config["MAIL_SENDER"],
                        use_tls=bool(config["MAIL_USE_TLS"]), username=config["MAIL_USERNAME"],
                        password=config["MAIL_PASSWORD"])


@click.command("sweep")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Pretend today is this day.")
def sweep_command(today):
    """Route petitions the intake worker left, mark overdue items, issue apology letters, queue the daily digest,
    anonymise contact details past the retention period, and send queued mail."""
    from portal.domain.intake import work
    from portal.domain.notify import queue_digests
    from portal.domain.overdue import sweep

    day = today.date() if today else local_today()
    # The worker normally leaves nothing; if it is down, petitions still get routed once per cron run.
    routed = work(db.session, once=True)
    if routed:
        click.echo(f"{routed} waiting petitions routed.")
    marked = sweep(db.session, day)
    digests = queue_digests(db.session, day)
    db.session.commit()
    click.echo(f"{marked} petitions marked overdue; {digests} digests queued.")
    anonymise_expired_contacts(today)
    if current_app.config["MAIL_ENABLED"]:
        flush_mail()


def anonymise_expired_contacts(today) -> None:
    """The retention step: senders' contact details, a configured number of months after their petition ended."""
    from portal.domain.retention import sweep_retention
    from portal.models.base import utcnow

    months = int(current_app.config["RETENTION_MONTHS"])
    erased = sweep_retention(db.session, today or utcnow(), months)
    click.echo(f"{erased} petitions' contact details anonymised ({months} months after they ended).")


def flush_mail():
    from portal.domain.notify import deliver_pending

    try:
        sent, failed = deliver_pending(db.session, smtp_settings())
    except OSError as error:
        click.echo(f"Mail server unreachable ({error}); mail stays queued.")
        return
    click.echo(f"{sent} e-mails sent, {failed} failed (kept for the next run).")


@click.command("mail-flush")
def mail_flush_command():
    """Send queued e-mail now."""
    flush_mail()
