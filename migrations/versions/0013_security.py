"""revocable sessions, sign-in back-off, set-password links, shared rate limits (issue 15)

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


# ALTER TABLE in place (SQLite 3.35+ drops columns): recreating "user" or "agency" would trip the foreign keys of
# every petition, event and answer that points at them.


def upgrade():
    with op.batch_alter_table("user", recreate="never") as batch:
        batch.add_column(sa.Column("session_version", sa.Integer(), nullable=False, server_default="1"))
        # Sign-in back-off is now counted per account and address by the rate limiter, not on the account.
        batch.drop_column("failed_logins")
        batch.drop_column("locked_until")
    with op.batch_alter_table("agency", recreate="never") as batch:
        batch.add_column(sa.Column("single_approver", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "password_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_password_link_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_link")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_link_token_hash")),
    )
    op.create_index(op.f("ix_password_link_user_id"), "password_link", ["user_id"])
    op.create_table(
        "rate_limit_counter",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counter")),
    )
    op.create_index(op.f("ix_rate_limit_counter_expires_at"), "rate_limit_counter", ["expires_at"])


def downgrade():
    op.drop_index(op.f("ix_rate_limit_counter_expires_at"), table_name="rate_limit_counter")
    op.drop_table("rate_limit_counter")
    op.drop_index(op.f("ix_password_link_user_id"), table_name="password_link")
    op.drop_table("password_link")
    with op.batch_alter_table("agency", recreate="never") as batch:
        batch.drop_column("single_approver")
    with op.batch_alter_table("user", recreate="never") as batch:
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch.drop_column("session_version")
