"""flask sweep: a thin shell around portal/domain/sweep.py; safe to run from cron every few minutes."""
import click
from flask import current_app

from portal.extensions import db


@click.command("sweep")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Pretend today is this day.")
def sweep_command(today):
    """Route petitions the intake worker left, mark overdue items, issue apology letters, queue the daily digest and
    the reminders of leaders' unmet obligations, anonymise contact details past the retention period, and deliver
    the outbox (e-mail, SMS, webhooks)."""
    from portal.commands.webhooks import echo_delivery
    from portal.domain.sweep import SweepSettings, run_sweep
    from portal.media_storage import storage_for

    report = run_sweep(db.session, SweepSettings.from_config(current_app.config), today.date() if today else None,
                       storage=storage_for(current_app))
    if report.routed:
        click.echo(f"{report.routed} waiting petitions routed.")
    click.echo(f"{report.marked_overdue} petitions marked overdue; {report.digests_queued} digests queued.")
    if report.leader_reminders:
        click.echo(f"{report.leader_reminders} reminders to leaders' secretariats queued.")
    click.echo(f"{report.anonymised} petitions' contact details anonymised "
               f"({report.retention_months} months after they ended).")
    echo_delivery(report.outbox)
