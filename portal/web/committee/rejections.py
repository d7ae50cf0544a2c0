"""The committee's list of rejections: which petitions were rejected, by whom, why, and what the sender was told."""
from flask import render_template, request

from portal.domain.rejections import REASONS, rejections_by_reason, rejections_in
from portal.extensions import db
from portal.models import Agency
from portal.web.committee import bp
from portal.web.committee.routes import selected_period
from portal.web.inputs import page_arg
from portal.web.security import role_required

PER_PAGE = 50


@bp.route("/tu-choi")
@role_required("committee")
def rejections():
    """Rejections decided in a period (this month by default), one agency's or all: how many per agency and reason,
    then each one, newest first, 50 a page."""
    first, last = selected_period()
    agency = db.session.query(Agency).filter_by(code=request.args.get("agency", "")).first()
    agency_id = agency.id if agency else None
    page = rejections_in(db.session, first, last, agency_id, page_arg(), PER_PAGE)
    return render_template("committee/rejections.html", first=first, last=last, agency=agency, page=page,
                           counts=rejections_by_reason(db.session, first, last, agency_id),
                           reasons=REASONS, agencies=db.session.query(Agency).order_by(Agency.code).all())
