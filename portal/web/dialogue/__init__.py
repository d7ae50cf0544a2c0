"""Dialogue sessions: the secretariat's pages and the public's."""
from flask import Blueprint

bp = Blueprint("dialogue", __name__)

# The route modules register their pages on bp.
from portal.web.dialogue import routes  # noqa: E402,F401
