"""placeholder, filled by the work on issue 19 (outbox)

Revision ID: 0018
Revises: 0017
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
