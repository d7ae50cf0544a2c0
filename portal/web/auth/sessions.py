"""Staff sessions that can be ended: the account's session_version and the last moment of use ride in the signed
session cookie and are checked on every request, so a copied cookie dies with sign-out, a new password, a disabled
account, a new role or half an hour of idleness."""
import time
from functools import lru_cache

from flask import current_app, request, session
from flask_login import login_user
from limits.storage import storage_from_string

from portal.domain.accounts import SignInBackoff, session_is_current
from portal.extensions import db
from portal.models import User

# Writing the cookie on every click would be wasted work: the moment of use is refreshed once a minute.
SEEN_RESOLUTION = 60


def load_user(user_id: str):
    """Flask-Login's user_loader: the account, or None (signed out) when its session is no longer current."""
    user = db.session.get(User, int(user_id)) if str(user_id).isdigit() else None
    now = time.time()
    idle_seconds = current_app.config["STAFF_IDLE_MINUTES"] * 60
    if not session_is_current(user, session.get("sv"), session.get("seen"), now, idle_seconds):
        session.clear()
        return None
    if now - session["seen"] >= SEEN_RESOLUTION:
        session["seen"] = now
    return user


def start_session(user: User) -> None:
    """A fresh session (no fixation) bound to the account's current session version."""
    session.clear()
    login_user(user)
    session["sv"] = user.session_version
    session["seen"] = time.time()


def sign_in_backoff(email: str) -> SignInBackoff:
    """Counted in the rate limiter's store (shared by every worker), even when rate limits are switched off."""
    config = current_app.config
    return SignInBackoff(counter_store(config["RATELIMIT_STORAGE_URI"]), email, request.remote_addr or "unknown",
                         max_failures=config["LOGIN_MAX_FAILURES"], minutes=config["LOGIN_LOCK_MINUTES"])


@lru_cache(maxsize=4)
def counter_store(uri: str):
    return storage_from_string(uri)
