from portal.extensions import db
from portal.models.base import utcnow

TEMPLATE_KINDS = ("answer", "rejection")


class AnswerTemplate(db.Model):
    """A text an agency's officers start an answer (or a rejection's note) from; kept by the agency's heads
    (domain/answer_templates.py). Its placeholders ({code}, {received_date}, {agency}, {due_date}) are filled by a
    plain substitution when an officer picks it, never by a template engine."""

    id = db.Column(db.Integer, primary_key=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    kind = db.Column(db.String(16), nullable=False, default="answer")  # TEMPLATE_KINDS
    # For answers in one category; None: any category (and always None for rejections).
    category_id = db.Column(db.Integer, db.ForeignKey("category.id"))
    title = db.Column(db.String(120), nullable=False)
    body = db.Column(db.Text, nullable=False)
    updated_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    category = db.relationship("Category")

    __table_args__ = (db.Index("ix_answer_template_agency_kind", "agency_id", "kind"),)


class PetitionRejection(db.Model):
    """A reasoned rejection (kind "rejection", by a coordinator: the petition is rejected) or an agency head's
    proposal of one (kind "proposal": the petition went back to the coordinator, who decides). Append-only: the
    sender reads the reason and note of the petition's rejection on the tracking page."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    kind = db.Column(db.String(16), nullable=False)  # "rejection" or "proposal"
    reason = db.Column(db.String(32), nullable=False)
    note = db.Column(db.Text, nullable=False)
    # The agency that had the petition at the time (None when it was still with the coordinator).
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    actor_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    actor_label = db.Column(db.String(255), nullable=False, default="")
    at = db.Column(db.DateTime, nullable=False, default=utcnow)

    petition = db.relationship("Petition")
    agency = db.relationship("Agency")

    # The committee's list reads a period's rejections newest first.
    __table_args__ = (db.Index("ix_petition_rejection_kind_at", "kind", "at"),)
