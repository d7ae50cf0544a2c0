from portal.extensions import db
from portal.models.base import utcnow


class PetitionSupport(db.Model):
    """One "tôi cũng gặp vấn đề này" on a public petition (domain/support.py). `client_key` is a keyed hash (HMAC with
    the app's secret) of who supported: the signed cookie of a browser, a phone number, or an address; never the value
    itself. It is cleared 30 days on, after which the same client may support again; the row, and the count, stay."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False)
    client_key = db.Column(db.String(64))
    client_kind = db.Column(db.String(8), nullable=False)  # "cookie", "phone" or "address"
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    # Two requests of one client at once: the database lets one row in, so the count is counted once.
    __table_args__ = (
        db.UniqueConstraint("petition_id", "client_key"),
        # The sweep finds the keys older than 30 days from these alone.
        db.Index("ix_petition_support_key_kept", "created_at", sqlite_where=db.text("client_key IS NOT NULL"),
                 postgresql_where=db.text("client_key IS NOT NULL")),
    )

