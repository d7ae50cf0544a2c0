"""Security headers on every response, and the role gate for staff pages."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response):
    """On every response, unless a view set its own (werkzeug's setdefault raises and catches a KeyError for each
    missing header: a membership test is cheaper on the busiest path)."""
    headers = response.headers
    for name, value in SECURITY_HEADERS.items():
        if name not in headers:
            headers[name] = value
    return response


def role_required(*roles):
    """Only signed-in staff with one of `roles` (admins pass everywhere) may open the view."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles and current_user.role != "admin":
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def audit_actor() -> tuple[int | None, str]:
    """Who the audit trail names for a change made during this request: the signed-in user, or the API key."""
    from flask import g, has_request_context

    if has_request_context():
        if getattr(g, "api_actor", None) is not None:
            return None, f"API: {g.api_actor.name}"
        if current_user and current_user.is_authenticated:
            return current_user.id, current_user.email
        return None, "người dân"
    return None, "hệ thống"
