"""Staff sign-in and sign-out, and passwords."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/dang-nhap")

# The route modules register their pages on bp.
from portal.web.auth import routes  # noqa: E402,F401
