"""Pages for citizens: send, track, search, transparency, rating, erasure, the sender's files."""
from flask import Blueprint, current_app

bp = Blueprint("public", __name__)


def public_post_limit():
    """The rate limit of the public forms (send, rate, erase), from the configuration."""
    return current_app.config["RATELIMIT_PUBLIC_POST"]


# The route modules register their pages on bp.
from portal.web.public import routes, search, transparency, erasure, sender_files, map, photos  # noqa: E402,F401
from portal.web.public import proof, support  # noqa: E402,F401
from portal.web.public import pwa  # noqa: E402,F401
from portal.web.public import calendar  # noqa: E402,F401
