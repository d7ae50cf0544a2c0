"""What agencies do around a petition: extension requests, coordination, attachments, apologies, mail."""
from portal.extensions import db
from portal.models.base import utcnow


class ExtensionRequest(db.Model):
    """An agency asks for more time; the coordinator grants (once per petition) or refuses."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    requested_due_date = db.Column(db.Date, nullable=False)
    reason = db.Column(db.Text, nullable=False)
    state = db.Column(db.String(16), nullable=False, default="pending")  # pending, granted, refused
    requested_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    decided_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    decision_note = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    decided_at = db.Column(db.DateTime)

    petition = db.relationship("Petition")
    agency = db.relationship("Agency")


class CoordinationRequest(db.Model):
    """The lead agency asks another agency to contribute (phối hợp)."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    from_agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    to_agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False, index=True)
    note = db.Column(db.Text, nullable=False)
    reply = db.Column(db.Text)
    created_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    replied_at = db.Column(db.DateTime)

    petition = db.relationship("Petition")
    from_agency = db.relationship("Agency", foreign_keys=[from_agency_id])
    to_agency = db.relationship("Agency", foreign_keys=[to_agency_id])


class Attachment(db.Model):
    """A PDF or image attached by staff; the file lives under instance/uploads with a random name."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    filename = db.Column(db.String(255), nullable=False)
    stored_name = db.Column(db.String(64), nullable=False, unique=True)
    content_type = db.Column(db.String(64), nullable=False)
    size = db.Column(db.Integer, nullable=False)
    uploaded_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Apology(db.Model):
    """Văn bản xin lỗi: issued once when a petition misses its deadline."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, unique=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), index=True)
    missed_due_date = db.Column(db.Date, nullable=False)
    body_html = db.Column(db.Text, nullable=False)
    issued_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    petition = db.relationship("Petition", backref=db.backref("apology", uselist=False))
    agency = db.relationship("Agency")

