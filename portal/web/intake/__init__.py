"""The hotline console and file imports."""
from flask import Blueprint

bp = Blueprint("intake", __name__, url_prefix="/tong-dai")

# The route modules register their pages on bp.
from portal.web.intake import routes  # noqa: E402,F401
