"""one outbox for e-mail, SMS and webhooks (issue 19): outbox_message replaces outbound_mail, whose rows it takes
over; webhook_subscription

Revision ID: 0018
Revises: 0017
"""
import json
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "webhook_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("events", sa.String(length=500), nullable=False),
        sa.Column("key_salt", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_subscription")),
    )
    outbox = op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=1000), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("event", sa.String(length=40), nullable=True),
        sa.Column("webhook_id", sa.Integer(), nullable=True),
        sa.Column("delivery_id", sa.String(length=36), nullable=False),
        sa.Column("dedupe_key", sa.String(length=255), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["webhook_id"], ["webhook_subscription.id"],
                                name=op.f("fk_outbox_message_webhook_id_webhook_subscription"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_message_dedupe_key")),
        sa.UniqueConstraint("delivery_id", name=op.f("uq_outbox_message_delivery_id")),
    )
    op.create_index("ix_outbox_message_due", "outbox_message", ["status", "next_attempt_at"], unique=False)
    op.create_index(op.f("ix_outbox_message_webhook_id"), "outbox_message", ["webhook_id"], unique=False)
    _copy_mail(outbox)
    with op.batch_alter_table("outbound_mail") as batch:
        batch.drop_index("ix_outbound_mail_sent_at")
    op.drop_table("outbound_mail")


def _copy_mail(outbox):
    """Queued and sent e-mail carries on in the outbox; what waited is due at once, with a fresh give-up period."""
    mail = sa.table("outbound_mail", sa.column("created_at", sa.DateTime()), sa.column("sent_at", sa.DateTime()),
                    *(sa.column(name) for name in ("id", "to_address", "subject", "body", "dedupe_key", "attempts",
                                                   "last_error")))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = [{"channel": "email", "recipient": m.to_address,
             "payload": json.dumps({"subject": m.subject, "body": m.body}, ensure_ascii=False),
             "delivery_id": str(uuid.uuid4()), "dedupe_key": m.dedupe_key,
             "status": "sent" if m.sent_at else "pending", "attempts": m.attempts, "next_attempt_at": now,
             "last_error": m.last_error, "created_at": m.created_at, "queued_at": now, "sent_at": m.sent_at}
            for m in op.get_bind().execute(sa.select(mail).order_by(mail.c.id))]
    if rows:
        op.bulk_insert(outbox, rows)


def downgrade():
    op.create_table(
        "outbound_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("to_address", sa.String(length=255), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_mail")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbound_mail_dedupe_key")),
    )
    op.create_index(op.f("ix_outbound_mail_sent_at"), "outbound_mail", ["sent_at"], unique=False)
    dates = sa.column("created_at", sa.DateTime()), sa.column("sent_at", sa.DateTime())
    outbox = sa.table("outbox_message", *dates, *(sa.column(name) for name in (
        "id", "channel", "recipient", "payload", "dedupe_key", "attempts", "last_error")))
    mail = sa.table("outbound_mail", *(sa.column(name, sa.DateTime()) for name in ("created_at", "sent_at")),
                    *(sa.column(name) for name in ("to_address", "subject", "body", "dedupe_key", "attempts",
                                                   "last_error")))
    rows = [{"to_address": m.recipient[:255], "subject": json.loads(m.payload)["subject"][:255],
             "body": json.loads(m.payload)["body"], "dedupe_key": m.dedupe_key, "created_at": m.created_at,
             "sent_at": m.sent_at, "attempts": m.attempts, "last_error": m.last_error}
            for m in op.get_bind().execute(sa.select(outbox).where(outbox.c.channel == "email").order_by(outbox.c.id))]
    if rows:
        op.bulk_insert(mail, rows)
    op.drop_index(op.f("ix_outbox_message_webhook_id"), table_name="outbox_message")
    op.drop_index("ix_outbox_message_due", table_name="outbox_message")
    op.drop_table("outbox_message")
    op.drop_table("webhook_subscription")
