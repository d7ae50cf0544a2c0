from portal.extensions import db
from portal.models.base import utcnow


class AuditEntry(db.Model):
    """Append-only record of every change to the settings and records that are not petitions (petitions have
    their own PetitionEvent timeline): who, when, what, and each changed field's old and new value."""

    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    actor_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    actor_label = db.Column(db.String(255), nullable=False, default="")
    object_type = db.Column(db.String(64), nullable=False)
    object_id = db.Column(db.String(64), nullable=False)
    action = db.Column(db.String(16), nullable=False)  # create, update, delete
    changes = db.Column(db.Text, nullable=False, default="{}")  # JSON: {field: [old, new]}

    __table_args__ = (db.Index("ix_audit_entry_object", "object_type", "object_id"),)
