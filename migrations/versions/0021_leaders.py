"""placeholder, filled by the work on issue 21 (leaders)

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
