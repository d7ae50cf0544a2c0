from sqlalchemy import event

from portal.extensions import db
from portal.models.base import utcnow

CHANNELS = ("web", "hotline", "dialogue", "email", "api", "reception")


class Petition(db.Model):
    """A phản ánh or kiến nghị. Never deleted; every change of status is a PetitionEvent."""

    id = db.Column(db.Integer, primary_key=True)
    # Made from the primary key (PA-2026-000123), so two petitions can never share a code.
    code = db.Column(db.String(32), unique=True)
    secret_hash = db.Column(db.String(64), nullable=False)
    title = db.Column(db.String(255), nullable=False, default="")
    content = db.Column(db.Text, nullable=False)
    # The public versions, made by the redaction (portal/text/redact.py) when the head opens the approval, edited
    # and approved by the head, stored at publication: every public page, the public search index, Open311 and the
    # API read these, never title or content.
    public_title = db.Column(db.String(255))
    public_content = db.Column(db.Text)
    channel = db.Column(db.String(16), nullable=False, default="web")
    category_id = db.Column(db.Integer, db.ForeignKey("category.id"), nullable=False)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    status = db.Column(db.String(20), nullable=False, default="received", index=True)
    province_code = db.Column(db.String(16))
    ward_code = db.Column(db.String(16), index=True)
    address = db.Column(db.String(500), nullable=False, default="")
    lat = db.Column(db.Float)
    lng = db.Column(db.Float)
    reporter_name = db.Column(db.String(255))
    reporter_phone = db.Column(db.String(32), index=True)
    reporter_email = db.Column(db.String(255))
    consent_public = db.Column(db.Boolean, nullable=False, default=True)
    needs_triage = db.Column(db.Boolean, nullable=False, default=False)
    # What the intake worker still has to do (domain/intake.py): "classify" (then route), "route", or None
    # once routed. A petition waiting here is stored and trackable, but in no figure until it is routed.
    intake_step = db.Column(db.String(16))
    classifier_confidence = db.Column(db.Float)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    due_date = db.Column(db.Date)  # the local date of due_at, kept for what reads whole days
    # 'normal' or 'urgent' (an immediate danger: answered in working hours, domain/routing.py).
    priority = db.Column(db.String(8), nullable=False, default="normal", server_default="normal")
    # The answer deadline (naive UTC): the end of the due date's working hours, or for an urgent petition a
    # number of working hours after receipt. The acknowledgement deadline: the agency accepts it by then.
    due_at = db.Column(db.DateTime)
    ack_due_at = db.Column(db.DateTime)
    acknowledged_at = db.Column(db.DateTime)  # when the agency it is assigned to accepted it
    ack_late_marked_at = db.Column(db.DateTime)  # when its acknowledgement was found late (counted once)
    urgent_warned_at = db.Column(db.DateTime)  # when the head was warned that an urgent deadline nears
    extension_used = db.Column(db.Boolean, nullable=False, default=False)
    overdue_marked_at = db.Column(db.DateTime)
    answered_at = db.Column(db.DateTime)
    published_at = db.Column(db.DateTime, index=True)
    # Decided once, at publication, by the deadline rule (domain/calendar.is_on_time).
    answered_on_time = db.Column(db.Boolean)
    # Working days from receipt to publication, also decided at publication.
    handling_days = db.Column(db.Integer)
    closed_at = db.Column(db.DateTime)
    # When the sender's name, phone, e-mail, address and exact coordinates were anonymised (domain/retention.py).
    contact_erased_at = db.Column(db.DateTime)
    merged_into_id = db.Column(db.Integer, db.ForeignKey("petition.id"))
    dialogue_session_id = db.Column(db.Integer, db.ForeignKey("dialogue_session.id"), index=True)
    # What the leader instructed when receiving the citizen (a reception day): the assignment's task (rõ việc).
    leader_instruction = db.Column(db.Text)
    # Lower-case text without diacritics, kept by the listener below and indexed for full-text search
    # (migration 0002): staff search all of it, the public only the redacted, published text.
    search_staff = db.Column(db.Text)
    search_public = db.Column(db.Text)
    version = db.Column(db.Integer, nullable=False, default=1)
    # How many "tôi cũng gặp vấn đề này" it has: kept equal to its PetitionSupport rows by domain/support.py.
    supporters = db.Column(db.Integer, nullable=False, default=0, server_default="0")

    category = db.relationship("Category")
    agency = db.relationship("Agency")
    merged_into = db.relationship("Petition", remote_side=[id])
    events = db.relationship(
        "PetitionEvent", back_populates="petition", order_by="PetitionEvent.id", lazy="dynamic"
    )

    # SQLAlchemy checks the version on every UPDATE: a stale writer gets StaleDataError.
    __mapper_args__ = {"version_id_col": version}
    # Handling times filtered by channel or category are read from these alone (index-only scans).
    __table_args__ = (
        db.Index("ix_petition_channel_handling", "channel", "published_at", "agency_id", "handling_days"),
        db.Index("ix_petition_category_handling", "category_id", "published_at", "agency_id", "handling_days"),
        # The queue is a handful of rows among millions: index only those.
        db.Index("ix_petition_intake_pending", "id", sqlite_where=db.text("intake_step IS NOT NULL"),
                 postgresql_where=db.text("intake_step IS NOT NULL")),
        # Finished petitions whose contact details are still kept: what the retention sweep looks for.
        db.Index("ix_petition_contact_kept_closed", "status", "closed_at",
                 sqlite_where=db.text("contact_erased_at IS NULL"),
                 postgresql_where=db.text("contact_erased_at IS NULL")),
        db.Index("ix_petition_contact_kept_published", "status", "published_at",
                 sqlite_where=db.text("contact_erased_at IS NULL"),
                 postgresql_where=db.text("contact_erased_at IS NULL")),
        # The public map (domain/public_map.py) reads the published petitions that have a place from these alone:
        # by time for a page of the newest, by place for the few points of a small box.
        db.Index("ix_petition_public_map_time", "published_at", "id", "lat", "lng", "status", "consent_public",
                 "category_id", "agency_id", sqlite_where=db.text("published_at IS NOT NULL AND lat IS NOT NULL"),
                 postgresql_where=db.text("published_at IS NOT NULL AND lat IS NOT NULL")),
        db.Index("ix_petition_public_map_place", "lat", "lng", "published_at", "status", "consent_public",
                 "category_id", "agency_id", sqlite_where=db.text("published_at IS NOT NULL AND lat IS NOT NULL"),
                 postgresql_where=db.text("published_at IS NOT NULL AND lat IS NOT NULL")),
    )

    def __repr__(self):
        return f"<Petition {self.code} {self.status}>"


class PetitionEvent(db.Model):
    """Append-only audit trail: who did what to a petition, when and why."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    at = db.Column(db.DateTime, nullable=False, default=utcnow)
    actor_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    actor_label = db.Column(db.String(255), nullable=False, default="")
    kind = db.Column(db.String(32), nullable=False, default="transition")
    from_status = db.Column(db.String(20))
    to_status = db.Column(db.String(20))
    note = db.Column(db.Text, nullable=False, default="")
    # Whether the note may be shown to the citizen on the tracking page.
    public = db.Column(db.Boolean, nullable=False, default=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))

    petition = db.relationship("Petition", back_populates="events")
    actor = db.relationship("User")
    agency = db.relationship("Agency")

    # Filtered figures count reopenings (to_status reopened or returned) in a period from here: a few index rows.
    __table_args__ = (db.Index("ix_petition_event_to_status_at", "to_status", "at"),)


class Assignment(db.Model):
    """A "5 rõ" assignment: who, what, which agencies, by when, with what result."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    lead_agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    responsible_official = db.Column(db.String(255), nullable=False)  # rõ người
    task = db.Column(db.Text, nullable=False)  # rõ việc
    coordinating_agencies = db.Column(db.String(500), nullable=False, default="")  # rõ trách nhiệm
    due_date = db.Column(db.Date, nullable=False)  # rõ thời gian
    expected_result = db.Column(db.Text, nullable=False)  # rõ hiệu quả
    assigned_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    active = db.Column(db.Boolean, nullable=False, default=True)

    petition = db.relationship("Petition", backref=db.backref("assignments", lazy="dynamic"))
    lead_agency = db.relationship("Agency")


class Answer(db.Model):
    """The agency's answer: drafted, submitted, approved (and so published) or sent back."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    body_html = db.Column(db.Text, nullable=False)  # sanitised with bleach on the way in
    published_html = db.Column(db.Text)  # the redacted text the public sees
    state = db.Column(db.String(16), nullable=False, default="draft")
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    approver_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    submitted_at = db.Column(db.DateTime)
    approved_at = db.Column(db.DateTime)

    petition = db.relationship("Petition", backref=db.backref("answers", lazy="dynamic"))


class IdempotencyKey(db.Model):
    """Remembers which petition a client's Idempotency-Key created, so a retry gets the same one."""

    key = db.Column(db.String(255), primary_key=True)
    request_hash = db.Column(db.String(64), nullable=False)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False)
    response_json = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def folded(text: str | None) -> str:
    from portal.text.normalize import strip_accents

    return strip_accents((text or "").lower())


@event.listens_for(Petition, "before_insert")
@event.listens_for(Petition, "before_update")
def keep_search_text(mapper, connection, petition: Petition) -> None:
    from portal.domain.lifecycle import PUBLISHED_STATUSES  # the domain imports the models, not the reverse

    petition.search_staff = folded(f"{petition.code or ''} {petition.title} {petition.content}")
    public = petition.status in PUBLISHED_STATUSES and petition.consent_public
    public_text = f"{petition.code or ''} {petition.public_title or ''} {petition.public_content or ''}"
    petition.search_public = folded(public_text) if public else None
