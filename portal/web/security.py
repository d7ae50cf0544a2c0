"""Security headers on every response (no caching of private pages, HSTS behind HTTPS), the role gate for staff
pages, and the limit on guessing tracking secrets."""
from functools import lru_cache, wraps
from urllib.parse import urlsplit

from flask import abort, current_app, request, session
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from portal.domain.text import clean_text
from portal.extensions import limiter

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tile_source}; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


HSTS = "max-age=31536000; includeSubDomains"
# Pages whose every answer is someone's own: the sender's code and secret, the tracking timeline, the apology letter,
# sign-in and set-password pages.
PRIVATE_PATHS = ("/da-gui", "/tra-cuu", "/thu-xin-loi/", "/dang-nhap", "/xoa-thong-tin-lien-he", "/danh-gia")


def add_security_headers(response):
    """On every response, unless a view set its own: a membership test, not werkzeug's setdefault, which raises
    and catches a KeyError for each missing header on every response."""
    headers = response.headers
    for name, value in SECURITY_HEADERS.items():
        if name not in headers:
            headers[name] = value
    if "Content-Security-Policy" not in headers:
        headers["Content-Security-Policy"] = content_security_policy(current_app.config["MAP_TILE_URL"])
    if is_private():
        headers["Cache-Control"] = "no-store"
    if current_app.config["SESSION_COOKIE_SECURE"] and "Strict-Transport-Security" not in headers:
        headers["Strict-Transport-Security"] = HSTS
    return response


@lru_cache(maxsize=8)
def content_security_policy(tile_url: str) -> str:
    """The policy, with the map tiles' host (MAP_TILE_URL) among the image sources: the only outside host a page may
    load anything from. A "{s}" subdomain template becomes a wildcard; tiles served by the portal need nothing."""
    parts = urlsplit(tile_url)
    host = parts.netloc.replace("{s}", "*")
    tile_source = ""
    if parts.scheme in ("http", "https") and host and not any(c in host for c in "{} ;,'"):
        tile_source = f" {parts.scheme}://{host}"
    return CONTENT_SECURITY_POLICY.format(tile_source=tile_source)


def is_private() -> bool:
    """Whether a response may hold personal or staff data, so no browser or proxy may keep a copy: anything a
    signed-in user sees, anything answered to a key or a tracking secret, any answer to a POST, the private pages."""
    if request.endpoint == "static":
        return False
    return ("_user_id" in session or request.method not in ("GET", "HEAD") or "Authorization" in request.headers
            or "X-Tracking-Secret" in request.headers or request.path.startswith(PRIVATE_PATHS)
            or request.path.startswith("/api/v1/agency"))


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


def wrong_secret(response) -> bool:
    return response.status_code == 404


def limit_secret_guesses(code_of, methods: list[str] | None = None):
    """Wrong tracking secrets (answered 404) are counted per petition code and per address, across the web form,
    the API and Open311: past RATELIMIT_SECRET_GUESSES_PER_* the next try is a 429 in the user's language, even with the
    right secret, so a secret cannot be guessed faster than that. `code_of()` reads the code from the request;
    `methods` the requests that can carry a guess (all by default)."""

    def code_key() -> str:
        return "code:" + clean_text(code_of() or "").upper()[:32]

    def per_code() -> str:
        return current_app.config["RATELIMIT_SECRET_GUESSES_PER_CODE"]

    def per_address() -> str:
        return current_app.config["RATELIMIT_SECRET_GUESSES_PER_ADDRESS"]

    def decorator(view):
        view = limiter.shared_limit(per_code, scope="secret-guess-code", key_func=code_key, methods=methods,
                                    deduct_when=wrong_secret, exempt_when=staff_key_in_use)(view)
        return limiter.shared_limit(per_address, scope="secret-guess-address", key_func=get_remote_address,
                                    methods=methods, deduct_when=wrong_secret, exempt_when=staff_key_in_use)(view)

    return decorator


def staff_key_in_use() -> bool:
    """Staff keys read petitions of their scope without a secret: they guess nothing. A wrong key is refused (401)."""
    from portal.api.common import STAFF_ROLES, bearer_token, current_actor

    return bearer_token() is not None and current_actor().role in STAFF_ROLES


def code_in_path() -> str:
    return (request.view_args or {}).get("code", "")


def code_in_form() -> str:
    return request.form.get("code", "")
