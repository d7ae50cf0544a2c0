"""Administration: routing rules, calendar, categories, agencies, accounts, the audit trail and the outbox."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")

# The route modules register their pages on bp.
from portal.web.admin import routes, edit, accounts, outbox  # noqa: E402,F401
from portal.web.admin import leaders  # noqa: E402,F401
