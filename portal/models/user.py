from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from portal.extensions import db
from portal.models.base import utcnow

ROLES = (
    "operator",
    "secretariat",
    "coordinator",
    "agency_officer",
    "agency_head",
    "committee",
    "admin",
)
AGENCY_ROLES = ("agency_officer", "agency_head")


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    full_name = db.Column(db.String(255), nullable=False, default="")
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(32), nullable=False)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    active = db.Column(db.Boolean, nullable=False, default=True)
    failed_logins = db.Column(db.Integer, nullable=False, default=0)
    locked_until = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    agency = db.relationship("Agency")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self):
        return self.active

    def __repr__(self):
        return f"<User {self.email} {self.role}>"


class ApiKey(db.Model):
    """A bearer key for integrations; only its SHA-256 is stored."""

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), unique=True, nullable=False)
    key_hash = db.Column(db.String(64), unique=True, nullable=False)
    role = db.Column(db.String(32), nullable=False)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    revoked = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    agency = db.relationship("Agency")
