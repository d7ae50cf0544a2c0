"""Public transparency: each agency's figures, and citizens rating published answers."""
from datetime import timedelta

from flask import current_app, render_template
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.domain import metrics
from portal.domain.calendar import local_today
from portal.domain.errors import DomainError
from portal.domain.ratings import RATABLE_STATUSES, SCORE_ELEMENTS, rate_petition
from portal.domain.public import latest_published
from portal.extensions import db, limiter
from portal.models import Petition
from portal.web.helpers import agency_name, vn_date
from portal.web.public import bp, public_post_limit
from portal.web.public.forms import RatingForm
from portal.web.public.proof import spend_request_proof, unproven_limit


@bp.route("/minh-bach")
def transparency():
    """Response, on-time and satisfaction figures of every agency for the last 90 days."""
    last = local_today()
    first = last - timedelta(days=89)
    ranking = metrics.agency_ranking(db.session, first, last, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    return render_template("public/transparency.html", ranking=ranking, first=first, last=last,
                           latest=latest_published(db.session, limit=20))


def rating_signer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="rating")


def rating_form_for(petition: Petition) -> RatingForm:
    """Handed out on the tracking page only (behind the secret): a signed pass for this petition."""
    form = RatingForm()
    form.token.data = rating_signer().dumps(petition.code)
    if petition.rating is not None:  # "you may change it for 7 days": start from what was given
        for element in SCORE_ELEMENTS:
            form[element].data = str(getattr(petition.rating, element))
        form.resolved.data = "yes" if petition.rating.resolved else "no"
        form.comment.data = petition.rating.comment
    return form


@bp.post("/danh-gia/<code>")
@limiter.limit(public_post_limit)
@unproven_limit
def rate(code):
    """Save the citizen's rating; it can be changed for 7 days."""
    form = RatingForm()
    try:
        allowed = rating_signer().loads(form.token.data or "", max_age=3 * 3600) == code
    except BadSignature:
        allowed = False
    petition = db.session.query(Petition).filter_by(code=code).first() if allowed else None
    if petition is None or not form.validate_on_submit():
        return render_template("public/rating_result.html", ok=False, errors=form.errors), 400 if petition else 404
    try:
        spend_request_proof(db.session)
        rating = rate_petition(db.session, petition, {e: int(getattr(form, e).data) for e in SCORE_ELEMENTS},
                               form.resolved.data == "yes", (form.comment.data or "").strip(), allow_update=True)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        return render_template("public/rating_result.html", ok=False, message=error.message_vi), error.status
    return render_template("public/rating_result.html", ok=True, outcome=rating_outcome(petition, rating.resolved),
                           changeable=petition.status in RATABLE_STATUSES)


def rating_outcome(petition: Petition, resolved: bool) -> str | None:
    """What a "not resolved" rating did, in the reader's language, for the citizen (or the operator who reads it
    out): reopened, sent to the coordinator, or only stored because the answer is older than 7 days."""
    if resolved:
        return None
    if petition.status == "reopened":
        return _("Phản ánh đã được mở lại và chuyển lại cho %(agency)s xử lý, hạn trả lời mới là %(due)s.",
                 agency=agency_name(petition.agency), due=vn_date(petition.due_date))
    if petition.status == "returned":
        return _("Phản ánh đã được mở lại một lần trước đây, nên lần này được chuyển bộ phận điều phối xem xét và "
                 "giao xử lý lại.")
    return _("Đánh giá đã được ghi nhận. Câu trả lời đã công khai quá 7 ngày nên phản ánh không được mở lại; nếu "
             "vấn đề vẫn còn, bạn có thể gửi phản ánh mới.")
