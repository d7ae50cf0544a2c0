"""flask outbox deliver|retry and flask webhooks add|list|remove|redeliver: thin shells around
portal/domain/outbox.py."""
import time

import click
from flask import current_app
from sqlalchemy.exc import OperationalError

from portal.domain.errors import DomainError
from portal.extensions import db


def echo_delivery(report) -> None:
    """Quiet when there was nothing to send, so the sweep's cron log stays short."""
    if report.sent or report.retrying or report.failed:
        click.echo(f"Outbox: {report.sent} sent, {report.retrying} to retry, {report.failed} failed permanently.")
    for error in report.errors[:20]:
        click.echo(f"  {error}")


@click.group("outbox")
def outbox_group():
    """The outbox of e-mail, SMS and webhook messages."""


@outbox_group.command("deliver")
@click.option("--loop", is_flag=True, help="Keep delivering, every --every seconds, until stopped.")
@click.option("--every", default=10.0, show_default=True, help="Seconds between two runs with --loop.")
def deliver_command(loop, every):
    """Send the messages that are due (also done by `flask sweep`)."""
    from portal.domain.outbox import deliver_due
    from portal.domain.outbox_channels import OutboxSettings

    settings = OutboxSettings.from_config(current_app.config)
    while True:
        try:
            echo_delivery(deliver_due(db.session, settings.channels(), settings.policy))
        except OperationalError as error:
            if not loop:
                raise
            # The database restarted or is busy: what was claimed comes back after its lease; carry on.
            db.session.rollback()
            click.echo(f"Database unavailable ({error.orig}); trying again.", err=True)
        if not loop:
            break
        time.sleep(every)


@click.group("webhooks")
def webhooks_group():
    """Integrators' webhooks: signed JSON POSTs on petition events."""


@webhooks_group.command("add")
@click.option("--url", required=True, help="Where to POST (http:// or https://).")
@click.option("--events", default="all", show_default=True,
              help="all, or a comma-separated list: petition.received,petition.routed,petition.answered,"
                   "petition.published,petition.reopened,petition.rejected")
def add_command(url, events):
    """Subscribe a URL; prints the signing secret on its last line."""
    from portal.domain.outbox import add_webhook

    try:
        subscription, secret = add_webhook(db.session, url, events, current_app.config["SECRET_KEY"])
    except DomainError as error:
        raise click.UsageError(error.message("en")) from None
    db.session.commit()
    click.echo(f"Webhook {subscription.id} added: {subscription.url} ({subscription.events}).")
    click.echo("Signing secret (X-Portal-Signature: sha256=HMAC-SHA256(secret, body)):")
    click.echo(secret)


@webhooks_group.command("list")
def list_command():
    """Every webhook, its events, and its messages by status."""
    from sqlalchemy import func

    from portal.models import OutboxMessage, WebhookSubscription

    counts = {(w, s): n for w, s, n in db.session.query(OutboxMessage.webhook_id, OutboxMessage.status,
                                                         func.count(OutboxMessage.id))
              .group_by(OutboxMessage.webhook_id, OutboxMessage.status)}
    subscriptions = db.session.query(WebhookSubscription).order_by(WebhookSubscription.id).all()
    if not subscriptions:
        click.echo("No webhooks.")
    for s in subscriptions:
        click.echo(f"{s.id}\t{s.url}\t{s.events}\tpending {counts.get((s.id, 'pending'), 0)}, "
                   f"sent {counts.get((s.id, 'sent'), 0)}, failed {counts.get((s.id, 'failed_permanently'), 0)}")


@webhooks_group.command("remove")
@click.argument("webhook_id", type=int)
def remove_command(webhook_id):
    """Remove a webhook; its waiting messages are marked failed."""
    from portal.domain.outbox import remove_webhook

    try:
        waiting = remove_webhook(db.session, webhook_id)
    except DomainError as error:
        raise click.UsageError(error.message("en")) from None
    db.session.commit()
    click.echo(f"Webhook {webhook_id} removed; {waiting} waiting messages will not be sent.")


@webhooks_group.command("redeliver")
@click.argument("delivery_ids", nargs=-1, required=True)
def redeliver_command(delivery_ids):
    """Send messages again (same X-Portal-Delivery id) at the next delivery run."""
    from portal.domain.outbox import message_by_delivery_id, retry_now

    try:
        for delivery_id in delivery_ids:
            retry_now(db.session, message_by_delivery_id(db.session, delivery_id))
    except DomainError as error:
        db.session.rollback()
        raise click.UsageError(error.message("en")) from None
    db.session.commit()
    click.echo(f"{len(delivery_ids)} messages queued again.")
