"""The agency workspace (officers and heads) and the coordinator's triage desk."""
from flask import Blueprint

bp = Blueprint("agency", __name__, url_prefix="/co-quan")

# The route modules register their pages on bp.
from portal.web.agency import routes, photos, answer_templates  # noqa: E402,F401
