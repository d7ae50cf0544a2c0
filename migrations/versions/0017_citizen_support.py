"""citizen support ("tôi cũng gặp vấn đề này") on public petitions and the spent proofs of work of anonymous forms
(issue 19)

Revision ID: 0017
Revises: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("petition") as batch:
        batch.add_column(sa.Column("supporters", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "petition_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("client_key", sa.String(length=64), nullable=True),
        sa.Column("client_kind", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["petition_id"], ["petition.id"], name="fk_petition_support_petition_id_petition"),
        sa.PrimaryKeyConstraint("id", name="pk_petition_support"),
        sa.UniqueConstraint("petition_id", "client_key", name="uq_petition_support_petition_id"),
    )
    op.create_index("ix_petition_support_key_kept", "petition_support", ["created_at"],
                    sqlite_where=sa.text("client_key IS NOT NULL"), postgresql_where=sa.text("client_key IS NOT NULL"))
    op.create_table(
        "spent_proof",
        sa.Column("challenge", sa.String(length=128), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("challenge", name="pk_spent_proof"),
    )
    op.create_index("ix_spent_proof_expires_at", "spent_proof", ["expires_at"])


def downgrade():
    op.drop_index("ix_spent_proof_expires_at", table_name="spent_proof")
    op.drop_table("spent_proof")
    op.drop_index("ix_petition_support_key_kept", table_name="petition_support")
    op.drop_table("petition_support")
    # A plain DROP COLUMN (SQLite 3.35+ and PostgreSQL), as 0012 does: a batch copy of the petition table would have
    # to drop it, which the other tables' foreign keys forbid once the database holds data.
    op.execute("ALTER TABLE petition DROP COLUMN supporters")
