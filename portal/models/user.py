from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from portal.extensions import db
from portal.models.base import utcnow

ROLE_LABELS = {
    "operator": ("Tổng đài viên", "Hotline operator"),
    "secretariat": ("Thư ký đối thoại", "Dialogue secretariat"),
    "coordinator": ("Điều phối (Văn phòng UBND)", "Coordinator"),
    "agency_officer": ("Chuyên viên cơ quan", "Agency officer"),
    "agency_head": ("Lãnh đạo cơ quan", "Agency head"),
    "committee": ("Ban Dân vận", "Monitoring committee"),
    "admin": ("Quản trị", "Administrator"),
}
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
# The agency workspace (/co-quan): the agencies' staff and the coordinator who routes their items.
WORKSPACE_ROLES = (*AGENCY_ROLES, "coordinator")


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    full_name = db.Column(db.String(255), nullable=False, default="")
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(32), nullable=False)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    active = db.Column(db.Boolean, nullable=False, default=True)
    # Copied into the session at sign-in; raising it (sign-out, new password, disabled, new role) ends every session.
    session_version = db.Column(db.Integer, nullable=False, default=1, server_default="1")
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


class PasswordLink(db.Model):
    """A one-time link to set a password: only the token's SHA-256 is stored; it expires and works once."""

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False, index=True)
    token_hash = db.Column(db.String(64), unique=True, nullable=False)
    expires_at = db.Column(db.DateTime, nullable=False)
    used_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User")


class RateLimitCounter(db.Model):
    """One fixed-window counter of the rate limiter (portal/ratelimit.py), shared by every worker of a server."""

    key = db.Column(db.String(255), primary_key=True)
    count = db.Column(db.Integer, nullable=False)
    expires_at = db.Column(db.Float, nullable=False, index=True)  # seconds since the epoch
