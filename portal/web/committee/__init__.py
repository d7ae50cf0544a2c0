"""The mass mobilization committee's dashboard (Ban Dân vận)."""
from flask import Blueprint

bp = Blueprint("committee", __name__, url_prefix="/ban-dan-van")

# The route modules register their pages on bp.
from portal.web.committee import map, rejections, routes  # noqa: E402,F401
from portal.web.committee import leaders  # noqa: E402,F401
