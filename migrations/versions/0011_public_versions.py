"""the stored public version of every published text (issue 14, publication road)

A petition's public title joins its public content, and a dialogue session's conclusion gets its public text. Both
are filled here for what is already published, by the redaction the portal uses at approval (portal/text/redact.py,
imported at migration time), and the public search text is rebuilt from the public title and content.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade():
    with op.batch_alter_table("petition") as batch:
        batch.add_column(sa.Column("public_title", sa.String(length=255), nullable=True))
    with op.batch_alter_table("dialogue_session") as batch:
        batch.add_column(sa.Column("public_conclusion", sa.Text(), nullable=True))
    _fill_public_titles(op.get_bind())
    _fill_public_conclusions(op.get_bind())


def _fill_public_titles(connection) -> None:
    from portal.models.petition import folded
    from portal.text.redact import redact

    petition = sa.table("petition", sa.column("id", sa.Integer), sa.column("code", sa.String),
                        sa.column("title", sa.String), sa.column("public_content", sa.Text),
                        sa.column("public_title", sa.String), sa.column("search_public", sa.Text),
                        sa.column("status", sa.String), sa.column("consent_public", sa.Boolean))
    published = sa.and_(petition.c.status.in_(("published", "closed")), petition.c.title != "")
    last_id = 0
    while True:
        rows = connection.execute(sa.select(petition.c.id, petition.c.code, petition.c.title,
                                            petition.c.public_content, petition.c.consent_public)
                                  .where(published, petition.c.id > last_id).order_by(petition.c.id)
                                  .limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            title = redact(row.title)[:255]
            search = folded(f"{row.code or ''} {title} {row.public_content or ''}") if row.consent_public else None
            connection.execute(petition.update().where(petition.c.id == row.id)
                               .values(public_title=title, search_public=search))
        last_id = rows[-1].id


def _fill_public_conclusions(connection) -> None:
    from portal.text.redact import redact

    dialogue = sa.table("dialogue_session", sa.column("id", sa.Integer), sa.column("conclusion_text", sa.Text),
                        sa.column("public_conclusion", sa.Text))
    for row in connection.execute(sa.select(dialogue.c.id, dialogue.c.conclusion_text)
                                  .where(dialogue.c.conclusion_text.isnot(None))).all():
        connection.execute(dialogue.update().where(dialogue.c.id == row.id)
                           .values(public_conclusion=redact(row.conclusion_text)))


def downgrade():
    # Plain DROP COLUMN (SQLite 3.35+ and PostgreSQL), as 0012 does: a batch copy of the petition table would have
    # to drop it, which the other tables' foreign keys forbid once the database holds data.
    op.execute("ALTER TABLE dialogue_session DROP COLUMN public_conclusion")
    op.execute("ALTER TABLE petition DROP COLUMN public_title")
