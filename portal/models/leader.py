from portal.extensions import db
from portal.models.base import utcnow

LEVELS = ("province", "commune")
OBLIGATION_KINDS = ("reception", "dialogue")
OBLIGATION_PERIODS = ("month", "quarter", "year")


class LeaderOffice(db.Model):
    """An office whose head must receive citizens and hold dialogues (Bí thư Tỉnh ủy, Chủ tịch UBND xã …): the
    obligations belong to the office, the sessions are held by whoever holds it (OfficeHolder)."""

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(255), nullable=False)
    level = db.Column(db.String(16), nullable=False)  # province or commune
    # A province code (level province) or a ward/commune code (level commune) of portal/domain/places.py.
    place_code = db.Column(db.String(16), nullable=False)
    # Where the reminders of unmet obligations go: the leader's secretariat.
    secretariat_email = db.Column(db.String(255))
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    holders = db.relationship("OfficeHolder", backref="office", order_by="OfficeHolder.starts_on",
                              lazy="selectin")
    obligations = db.relationship("Obligation", backref="office", order_by="Obligation.id", lazy="selectin")


class OfficeHolder(db.Model):
    """Who held an office from `starts_on` to `ends_on` (inclusive; open while in office). A new holder closes the
    previous one's term: the rows are the office's history."""

    id = db.Column(db.Integer, primary_key=True)
    office_id = db.Column(db.Integer, db.ForeignKey("leader_office.id"), nullable=False, index=True)
    name = db.Column(db.String(255), nullable=False)
    starts_on = db.Column(db.Date, nullable=False)
    ends_on = db.Column(db.Date)


class Obligation(db.Model):
    """How many reception days or dialogues the office's head must hold each month, quarter or year."""

    id = db.Column(db.Integer, primary_key=True)
    office_id = db.Column(db.Integer, db.ForeignKey("leader_office.id"), nullable=False)
    kind = db.Column(db.String(16), nullable=False)  # reception or dialogue
    count = db.Column(db.Integer, nullable=False)
    period = db.Column(db.String(16), nullable=False)  # month, quarter or year

    __table_args__ = (db.UniqueConstraint("office_id", "kind", "period"),)


class LeaderReminder(db.Model):
    """A reminder e-mailed to an office's secretariat that an obligation of a period is still unmet as the period
    nears its end: one per office, obligation kind and period, so the sweep never sends it twice."""

    id = db.Column(db.Integer, primary_key=True)
    office_id = db.Column(db.Integer, db.ForeignKey("leader_office.id"), nullable=False)
    kind = db.Column(db.String(16), nullable=False)  # reception or dialogue
    period = db.Column(db.String(16), nullable=False)  # month, quarter or year
    period_start = db.Column(db.Date, nullable=False)
    required = db.Column(db.Integer, nullable=False)
    held = db.Column(db.Integer, nullable=False)  # held so far when the reminder was sent
    email = db.Column(db.String(255), nullable=False)
    sent_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    __table_args__ = (db.UniqueConstraint("office_id", "kind", "period", "period_start"),)
