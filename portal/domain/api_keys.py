"""Bearer keys for integrations: random, shown once, stored as SHA-256, revocable."""
import hashlib
import hmac
import secrets
from typing import NamedTuple

from sqlalchemy import bindparam, select

from portal.domain import audit
from portal.domain.errors import DomainError, NotFound, ValidationFailed
from portal.models import Agency, ApiKey
from portal.models.user import AGENCY_ROLES, ROLES

API_ROLES = ROLES + ("integration",)


class Unauthorized(DomainError):
    status = 401
    code = "unauthorized"


def hash_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def create_key(session, name: str, role: str, agency_code: str | None = None, *, actor=None) -> tuple[ApiKey, str]:
    """A new key; the raw key is returned once and never stored."""
    audit.acting_as(session, actor)
    if role not in API_ROLES:
        raise ValidationFailed(f"Vai trò không hợp lệ: {role}. Chọn một trong: {', '.join(API_ROLES)}.",
                               f"Unknown role {role}.")
    agency = None
    if agency_code:
        agency = session.query(Agency).filter_by(code=agency_code).first()
        if agency is None:
            raise ValidationFailed(f"Không có cơ quan mã {agency_code}.", f"No agency {agency_code}.")
    if role in AGENCY_ROLES and agency is None:
        raise ValidationFailed("Khoá của cơ quan cần --agency.", "Agency keys need --agency.")
    if session.query(ApiKey).filter_by(name=name).first():
        raise ValidationFailed(f"Đã có khoá tên {name}.", f"A key named {name} exists.")
    raw_key = "pk_" + secrets.token_urlsafe(32)
    key = ApiKey(name=name, key_hash=hash_key(raw_key), role=role, agency=agency)
    session.add(key)
    return key, raw_key


def revoke_key(session, name: str, *, actor=None) -> ApiKey:
    audit.acting_as(session, actor)
    key = session.query(ApiKey).filter_by(name=name).first()
    if key is None:
        raise NotFound(f"Không có khoá tên {name}.", f"No key named {name}.")
    key.revoked = True
    return key


class KeyHolder(NamedTuple):
    """Who a valid key speaks for: read as plain columns, since every API request needs it."""

    id: int
    name: str
    role: str
    agency_id: int | None
    key_hash: str
    revoked: bool


def authenticate_key(session, raw_key: str) -> KeyHolder:
    """The live key behind a bearer token; missing, unknown and revoked keys all get the same 401."""
    digest = hash_key(raw_key or "")
    row = session.execute(_KEY_BY_HASH, {"digest": digest}).first()
    key = KeyHolder(*row) if row else None
    if key is None or key.revoked or not hmac.compare_digest(key.key_hash, digest):
        raise Unauthorized("Khoá API không hợp lệ hoặc đã bị thu hồi.", "The API key is missing, wrong or revoked.")
    return key


# Built once, not per request: every API request runs it.
_keys = ApiKey.__table__
_KEY_BY_HASH = select(_keys.c.id, _keys.c.name, _keys.c.role, _keys.c.agency_id, _keys.c.key_hash, _keys.c.revoked
                      ).where(_keys.c.key_hash == bindparam("digest")).limit(1)
