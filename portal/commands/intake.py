"""flask intake work / flask intake status: the intake worker (see portal/domain/intake.py)."""
import signal
import socket

import click

from portal.extensions import db


@click.group("intake")
def intake_group():
    """The queue of accepted petitions waiting to be classified and routed."""


@intake_group.command("work")
@click.option("--once", is_flag=True, help="Drain the queue, then stop (for cron), instead of polling forever.")
@click.option("--batch", default=20, show_default=True, type=click.IntRange(1, 500))
@click.option("--poll", default=0.5, show_default=True, type=click.FloatRange(0.05, 60), help="Seconds between polls.")
def work_command(once, batch, poll):
    """Classify and route waiting petitions. Several workers may share one PostgreSQL database."""
    from portal.domain.intake import work

    stopping = []
    # SIGTERM (gunicorn stopping, systemd) finishes the batch in hand, so nothing is left half-routed.
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        routed = work(db.session, poll_seconds=poll, batch=batch, once=once, should_stop=lambda: bool(stopping),
                      name=f"intake@{socket.gethostname()}")
    finally:
        signal.signal(signal.SIGTERM, previous)  # the command may run inside a longer-lived process (tests)
    click.echo(f"{routed} petitions routed.")


@intake_group.command("status")
def status_command():
    """How many petitions wait for the worker."""
    from portal.domain.intake import pending_count

    click.echo(f"{pending_count(db.session)} petitions waiting.")
