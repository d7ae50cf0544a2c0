"""flask sweep and flask mail-flush: safe to run from cron every few minutes."""
from datetime import date

import click
from flask import current_app, render_template

from portal.extensions import db


def smtp_settings():
    from portal.domain.notify import SmtpSettings

    config = current_app.config
    return SmtpSettings(host=config["MAIL_SERVER"], port=int(config["MAIL_PORT"]), sender=config["MAIL_SENDER"],
                        use_tls=bool(config["MAIL_USE_TLS"]), username=config["MAIL_USERNAME"],
                        password=config["MAIL_PASSWORD"])


def render_apology(petition) -> str:
    return render_template("letters/apology.html", petition=petition, agency=petition.agency, today=date.today())


@click.command("sweep")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Pretend today is this day.")
def sweep_command(today):
    """Route petitions the intake worker left, mark overdue items, issue apology letters, queue the daily digest,
    and send queued mail."""
    from portal.domain.intake_queue import work
    from portal.domain.notify import queue_digests
    from portal.domain.overdue import sweep

    day = today.date() if today else date.today()
    # The worker normally leaves nothing; if it is down, petitions still get routed once per cron run.
    routed = work(db.session, once=True)
    if routed:
        click.echo(f"{routed} waiting petitions routed.")
    marked = sweep(db.session, day, render_apology)
    digests = queue_digests(db.session, day)
    db.session.commit()
    click.echo(f"{marked} petitions marked overdue; {digests} digests queued.")
    if current_app.config["MAIL_ENABLED"]:
        flush_mail()


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
