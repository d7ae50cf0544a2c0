from portal.extensions import db
from portal.models.base import utcnow


class DialogueSession(db.Model):
    """Đối thoại trực tiếp: a leader hears citizens face to face; the conclusion notice is due within days."""

    id = db.Column(db.Integer, primary_key=True)
    # A dialogue (đối thoại) or a reception day (tiếp công dân định kỳ): both are planned, held and concluded alike.
    kind = db.Column(db.String(16), nullable=False, default="dialogue", server_default="dialogue")
    # The office whose obligation the session counts for (portal/domain/leaders.py); older sessions have none.
    office_id = db.Column(db.Integer, db.ForeignKey("leader_office.id"), index=True)
    # Which group of citizens it is for (thanh niên, phụ nữ …: portal/data/leaders.json), blank for everyone.
    target_group = db.Column(db.String(64), nullable=False, default="", server_default="")
    leader_name = db.Column(db.String(255), nullable=False)
    leader_office = db.Column(db.String(255), nullable=False)
    level = db.Column(db.String(16), nullable=False)  # province or commune
    held_at = db.Column(db.DateTime, nullable=False)  # naive UTC; when planned, when it starts
    venue = db.Column(db.String(255), nullable=False)
    participants = db.Column(db.Integer, nullable=False, default=0)
    topics = db.Column(db.Text, nullable=False, default="")
    status = db.Column(db.String(16), nullable=False, default="planned")  # planned, held, concluded
    conclusion_due_date = db.Column(db.Date, nullable=False)
    conclusion_text = db.Column(db.Text)
    # What the public dialogue page shows: the conclusion with citizens' personal data redacted, made at publication.
    public_conclusion = db.Column(db.Text)
    conclusion_published_at = db.Column(db.DateTime)
    created_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    petitions = db.relationship("Petition", backref="dialogue_session", lazy="dynamic")
    office = db.relationship("LeaderOffice")
