"""flask sweep and flask mail-flush: thin shells around portal/domain/sweep.py; safe to run from cron every few
minutes."""
import click
from flask import current_app

from portal.extensions import db


@click.command("sweep")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Pretend today is this day.")
def sweep_command(today):
    """Route petitions the intake worker left, mark overdue items, issue apology letters, queue the daily digest,
    anonymise contact details past the retention period, and send queued mail."""
    from portal.domain.sweep import SweepSettings, run_sweep

    report = run_sweep(db.session, SweepSettings.from_config(current_app.config), today.date() if today else None)
    if report.routed:
        click.echo(f"{report.routed} waiting petitions routed.")
    click.echo(f"{report.marked_overdue} petitions marked overdue; {report.digests_queued} digests queued.")
    click.echo(f"{report.anonymised} petitions' contact details anonymised "
               f"({report.retention_months} months after they ended).")
    if report.mail is not None:
        echo_mail(report.mail)


@click.command("mail-flush")
def mail_flush_command():
    """Send queued e-mail now."""
    from portal.domain.sweep import send_queued_mail, smtp_settings

    echo_mail(send_queued_mail(db.session, smtp_settings(current_app.config)))


def echo_mail(delivery) -> None:
    if delivery.unreachable is not None:
        click.echo(f"Mail server unreachable ({delivery.unreachable}); mail stays queued.")
    else:
        click.echo(f"{delivery.sent} e-mails sent, {delivery.failed} failed (kept for the next run).")
