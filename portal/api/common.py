"""What every API endpoint shares: keys, strict JSON bodies, pagination, the actor of a key."""
from dataclasses import dataclass

from flask import current_app, g, request

from portal.domain.api_keys import Unauthorized, authenticate_key
from portal.domain.errors import DomainError, Forbidden, ValidationFailed
from portal.extensions import db
from portal.models import ROLES, Agency
from portal.web.inputs import MAX_PAGE, int_arg

API_MAX_BODY = 64 * 1024
STAFF_ROLES = ROLES


class BadJson(DomainError):
    status = 400
    code = "malformed_json"


@dataclass
class ApiActor:
    """Who acts through a key, shaped like a User for the domain functions (no user row behind it)."""

    name: str
    role: str
    agency_id: int | None
    id: None = None

    @property
    def full_name(self) -> str:
        return f"API: {self.name}"

    @property
    def agency(self):
        """Loaded when a domain function asks (most requests never do); the session's identity map keeps it."""
        return db.session.get(Agency, self.agency_id) if self.agency_id else None


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return None


def current_actor() -> ApiActor | None:
    """The actor of the request's key, None without a key; a wrong or revoked key is refused."""
    token = bearer_token()
    if "api_actor" in g and g.get("api_token") == token:
        return g.api_actor
    actor = key_id = None
    if token is not None:
        key = authenticate_key(db.session, token)  # raises, and caches nothing, for a wrong key
        actor, key_id = ApiActor(name=key.name, role=key.role, agency_id=key.agency_id), key.id
    g.api_actor, g.api_key_id, g.api_token = actor, key_id, token
    return actor


def require_actor(*roles: str) -> ApiActor:
    actor = current_actor()
    if actor is None:
        raise Unauthorized("Cần khoá API (Authorization: Bearer <khoá>).", "An API key is required (Authorization: Bearer <key>).")
    if actor.role not in roles and actor.role != "admin":
        raise Forbidden("Khoá API này không có quyền thực hiện thao tác.", "This key may not do that.")
    return actor


def rate_limit_key() -> str:
    """Rate limits count per live key, else per address. A wrong or revoked key is refused (401) right here, before
    anything is counted: a made-up key must not buy a fresh bucket."""
    if bearer_token() is None:
        return "ip:" + (request.remote_addr or "unknown")
    current_actor()
    return f"key:{g.api_key_id}"


def json_body(allowed: set[str]) -> dict:
    """The request's JSON object, or a clear 400/422: malformed JSON, not an object, unknown fields."""
    if not request.is_json:
        raise ValidationFailed("Nội dung gửi lên phải là JSON (Content-Type: application/json).",
                               "The body must be JSON (Content-Type: application/json).", code="unsupported_media_type")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # [[[[…]]]] 30,000 deep: the parser gives up, and so does the request
        body = None
    if body is None:
        raise BadJson("JSON không hợp lệ.", "Malformed JSON.")
    if not isinstance(body, dict):
        raise ValidationFailed("JSON phải là một đối tượng {…}.", "The JSON body must be an object.")
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ValidationFailed(f"Trường không được hỗ trợ: {', '.join(unknown)}.", f"Unknown fields: {', '.join(unknown)}.")
    return body


def field(body: dict, name: str, kind: type | tuple, *, required: bool = False, default=None):
    """One field of a JSON body, type-checked (bool is not an int, int is a number)."""
    if name not in body or body[name] is None:
        if required:
            raise ValidationFailed(f"Thiếu trường bắt buộc “{name}”.", f"Missing required field “{name}”.", field=name)
        return default
    value = body[name]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        value = None
    if value is None or not isinstance(value, kinds):
        expected = {str: "chuỗi", bool: "true/false", dict: "đối tượng", int: "số", float: "số"}
        label = " hoặc ".join(expected.get(k, k.__name__) for k in kinds)
        raise ValidationFailed(f"Trường “{name}” phải là {label}.", f"Field “{name}” has the wrong type.", field=name)
    return value


def pagination() -> tuple[int, int]:
    """page (1…MAX_PAGE) and per_page (1…100) of the query string, or a 422 that says so."""
    return int_arg("page", 1, 1, MAX_PAGE), int_arg("per_page", 20, 1, 100)


def cap_body_size():
    """API bodies are small: refuse big ones before reading them."""
    request.max_content_length = current_app.config.get("API_MAX_BODY", API_MAX_BODY)
