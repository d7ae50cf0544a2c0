"""intake queue: petitions accepted but not yet classified and routed

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("petition") as batch:
        batch.add_column(sa.Column("intake_step", sa.String(length=16), nullable=True))
    op.create_index("ix_petition_intake_pending", "petition", ["id"], sqlite_where=sa.text("intake_step IS NOT NULL"),
                    postgresql_where=sa.text("intake_step IS NOT NULL"))


def downgrade():
    op.drop_index("ix_petition_intake_pending", table_name="petition")
    with op.batch_alter_table("petition") as batch:
        batch.drop_column("intake_step")
