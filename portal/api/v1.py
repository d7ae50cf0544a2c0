"""/api/v1: JSON in UTF-8; errors are {"error": {"code", "message"}} (see portal/web/errors.py)."""
from datetime import date

from flask import Blueprint, current_app, g, jsonify, request, url_for
from flask_babel import get_locale
from sqlalchemy.orm import joinedload

from portal.api.common import (
    STAFF_ROLES,
    ApiActor,
    cap_body_size,
    current_actor,
    field,
    json_body,
    pagination,
    rate_limit_key,
    require_actor,
)
from portal.domain import calendar, media, rejections, workflow
from portal.domain.duplicates import answer_source
from portal.domain.errors import Forbidden, NotFound, ValidationFailed
from portal.domain.intake import receive, route_if_inline, scoped_idempotency_key
from portal.domain.petitions import PetitionDraft, find_for_tracking, published_answer
from portal.domain.public import submit_once, tracking_timeline
from portal.domain.routing import priority_at_intake
from portal.domain.text import clean_text
from portal.extensions import csrf, db, limiter
from portal.media_storage import storage_for
from portal.models import AGENCY_ROLES, Petition
from portal.web.inputs import date_arg, int_arg, page_arg, parse_date
from portal.web.security import code_in_path, limit_secret_guesses

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)
bp.before_request(cap_body_size)

PETITION_FIELDS = {"content", "title", "channel", "category", "location", "reporter", "public"}
LOCATION_FIELDS = {"province_code", "ward_code", "address", "lat", "lng"}
REPORTER_FIELDS = {"name", "phone", "email"}
CHANNEL_ROLES = {"hotline": ("operator",), "dialogue": ("secretariat",), "reception": ("secretariat",),
                 "email": ("operator", "coordinator")}


def post_limit():
    return current_app.config["RATELIMIT_PUBLIC_POST"]


def limited(view):
    return limiter.limit(post_limit, key_func=rate_limit_key, methods=["POST"])(view)


@bp.post("/petitions")
@limited
def create_petition():
    """Send a petition; a retry with the same Idempotency-Key and body returns the same petition. An operator's or
    coordinator's key may mark it urgent ("priority": "urgent")."""
    body = json_body(PETITION_FIELDS | {"priority"})
    draft = draft_from_json(body)
    actor = current_actor()
    draft.priority = priority_at_intake(field(body, "priority", str), actor)
    allowed_roles = CHANNEL_ROLES.get(draft.channel)
    if allowed_roles and (actor is None or (actor.role not in allowed_roles and actor.role != "admin")):
        raise Forbidden("Kênh này cần khoá của tổng đài viên hoặc thư ký đối thoại.",
                        "This channel needs an operator or secretariat key.")
    header = clean_text(request.headers.get("Idempotency-Key", ""))[:200]
    if header:
        scoped_key = scoped_idempotency_key(header, api_key_id=g.get("api_key_id"),
                                            client_address=request.remote_addr or "unknown",
                                            app_secret=current_app.config["SECRET_KEY"])
        receipt = submit_once(db.session, draft, scoped_key, app_secret=current_app.config["SECRET_KEY"],
                              actor=actor)
    else:
        receipt = receive(db.session, draft, actor)
        db.session.commit()
    routing = current_app.config["INTAKE_ROUTING"]
    route_if_inline(db.session, receipt, routing)
    if routing != "inline" and receipt.new:
        # Waiting for the intake worker: nothing to read back that the sender does not already know.
        return jsonify(code=receipt.code, secret=receipt.secret, status="received",
                       category=draft.category_code or None, agency=None, due_date=None, priority=draft.priority,
                       due_at=None), 201
    petition = (db.session.query(Petition).options(joinedload(Petition.category), joinedload(Petition.agency))
                .filter_by(id=receipt.petition_id).one())
    return jsonify(code=receipt.code, secret=receipt.secret, status=petition.status,
                   category=None if petition.intake_step == "classify" else petition.category.code,
                   agency=petition.agency.code if petition.agency else None,
                   due_date=petition.due_date.isoformat() if petition.due_date else None, priority=petition.priority,
                   due_at=calendar.local_isoformat(petition.due_at)), 201


def draft_from_json(body: dict) -> PetitionDraft:
    location = field(body, "location", dict, default={})
    reporter = field(body, "reporter", dict, default={})
    for name, part, allowed in (("location", location, LOCATION_FIELDS), ("reporter", reporter, REPORTER_FIELDS)):
        unknown = sorted(set(part) - allowed)
        if unknown:
            raise ValidationFailed(f"Trường không được hỗ trợ trong “{name}”: {', '.join(unknown)}.",
                                   f"Unknown fields in “{name}”: {', '.join(unknown)}.")
    return PetitionDraft(
        content=field(body, "content", str, required=True),
        title=field(body, "title", str, default=""),
        channel=field(body, "channel", str, default="web"),
        category_code=field(body, "category", str, default=""),
        province_code=field(location, "province_code", str, default=""),
        ward_code=field(location, "ward_code", str, default=""),
        address=field(location, "address", str, default=""),
        lat=field(location, "lat", (int, float)),
        lng=field(location, "lng", (int, float)),
        reporter_name=field(reporter, "name", str, default=""),
        reporter_phone=field(reporter, "phone", str, default=""),
        reporter_email=field(reporter, "email", str, default=""),
        consent_public=field(body, "public", bool, default=True),
    )


@bp.get("/petitions/<code>")
@limit_secret_guesses(code_in_path)
def get_petition(code):
    """Status, timeline and answer: with the tracking secret, or a staff key in scope."""
    actor = current_actor()
    if actor is not None and actor.role in STAFF_ROLES:
        petition = petition_in_scope(code, actor)
    else:
        petition = find_for_tracking(db.session, code, request.headers.get("X-Tracking-Secret", ""))
    return jsonify(petition_json(petition))


def petition_in_scope(code: str, actor: ApiActor) -> Petition:
    """A petition the key may see; another agency's item answers exactly like a missing one."""
    petition = db.session.query(Petition).filter_by(code=clean_text(code).upper()).first()
    in_scope = petition is not None and (
        actor.role not in AGENCY_ROLES or petition.agency_id == actor.agency_id)
    if not in_scope:
        raise NotFound("Không tìm thấy phản ánh.", "Petition not found.")
    return petition


def petition_json(petition: Petition) -> dict:
    answer = published_answer(answer_source(petition))
    source = answer_source(petition)
    return {
        "code": petition.code,
        "status": petition.status,
        "category": petition.category.code,
        "agency": petition.agency.code if petition.agency else None,
        "due_date": petition.due_date.isoformat() if petition.due_date else None,
        "priority": petition.priority,
        "due_at": calendar.local_isoformat(petition.due_at),
        "created_at": iso(petition.created_at),
        "events": [{"at": iso(e.at), "status": e.to_status, "note": e.note} for e in tracking_timeline(petition)],
        "answer": {"content": answer.published_html, "published_at": iso(source.published_at)} if answer else None,
        "photos": [{"url": media.signed_url(photo, "full", external=True),
                    "thumbnail_url": media.signed_url(photo, "thumb", external=True)}
                   for photo in media.photos_of(db.session, petition)],
        "rejection": rejections.sender_view(db.session, petition, str(get_locale() or "vi")),
    }


def iso(moment) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


# A multipart body holds the file and a few hundred bytes of headers around it.
PHOTO_BODY_LIMIT = media.MAX_BYTES + 16 * 1024


@bp.post("/petitions/<code>/photos")
@limited
@limit_secret_guesses(code_in_path)
def add_photo(code):
    """Add a photo (multipart field `photo`): the sender with the tracking secret, within 7 days of sending, or staff
    with a key in scope. Answers the photo's size and short-lived signed URLs."""
    petition, actor = petition_for_photo(code)
    request.max_content_length = PHOTO_BODY_LIMIT  # checked before the file is read: a bigger body is a 413
    upload = request.files.get("photo")
    if upload is None:
        raise ValidationFailed("Thiếu tệp ảnh (trường “photo”, multipart/form-data).",
                               "The photo file is missing (field “photo”, multipart/form-data).", field="photo")
    photo = media.attach_photo(db.session, storage_for(current_app), petition, upload.read(media.MAX_BYTES + 1), actor)
    db.session.commit()
    return jsonify(id=photo.id, url=media.signed_url(photo, "full", external=True),
                   thumbnail_url=media.signed_url(photo, "thumb", external=True),
                   width=photo.width, height=photo.height), 201


def petition_for_photo(code: str) -> tuple[Petition, ApiActor | None]:
    """Who may add a photo, and to which petition: a staff key of a role that adds photos, in its scope; else the
    tracking secret (with or without an integration key) during the sender's window."""
    actor = current_actor()
    if actor is not None and actor.role in STAFF_ROLES:
        if actor.role not in media.STAFF_ROLES:
            raise Forbidden("Khoá API này không được thêm ảnh.", "This key may not add photos.")
        return petition_in_scope(code, actor), actor
    petition = find_for_tracking(db.session, code, request.headers.get("X-Tracking-Secret", ""))
    media.ensure_sender_may_add(petition)
    return petition, actor


@bp.get("/agency/petitions")
def agency_petitions():
    """The key's agency's items, newest first, paginated."""
    actor = require_actor(*AGENCY_ROLES)
    page, per_page = pagination()
    query = db.session.query(Petition).filter(Petition.agency_id == actor.agency_id)
    status = request.args.get("status")
    if status:
        query = query.filter(Petition.status == status)
    total = query.count()
    items = query.order_by(Petition.id.desc()).offset((page - 1) * per_page).limit(per_page).all()
    return jsonify(items=[{"code": p.code, "status": p.status, "category": p.category.code,
                           "due_date": p.due_date.isoformat() if p.due_date else None, "priority": p.priority,
                           "due_at": calendar.local_isoformat(p.due_at)} for p in items],
                   page=page, per_page=per_page, total=total)


@bp.post("/petitions/<code>/answer")
@limited
def answer_petition(code):
    """The assigned agency's officer answers; the head approves next."""
    actor = require_actor(*AGENCY_ROLES)
    body = json_body({"content"})
    petition = petition_in_scope(code, actor)
    workflow.submit_answer(db.session, petition, actor, field(body, "content", str, required=True))
    db.session.commit()
    return jsonify(status=petition.status)


@bp.post("/petitions/<code>/approve")
@limited
def approve_petition(code):
    """The agency head approves: the answer is published, redacted."""
    actor = require_actor("agency_head")
    petition = petition_in_scope(code, actor)
    workflow.approve_answer(db.session, petition, actor)
    db.session.commit()
    return jsonify(status=petition.status)


@bp.post("/petitions/<code>/reject")
@limited
def reject_petition(code):
    """A coordinator rejects with a reason and a note the sender reads; an agency head's rejection goes back to the
    coordinator (200 {"status": "returned"})."""
    actor = require_actor("coordinator", "agency_head")
    body = json_body({"reason", "note"})
    petition = petition_in_scope(code, actor)
    status = workflow.reject_or_propose(db.session, petition, actor, field(body, "reason", str, required=True),
                             field(body, "note", str, required=True))
    db.session.commit()
    return jsonify(status=status)


@bp.post("/classify")
@limited
def classify_text():
    """Category, confidence, suggested agency, the top three alternatives and urgency for a text."""
    from portal.domain.classification import classify_with_agency

    body = json_body({"text"})
    text = clean_text(field(body, "text", str, required=True))
    if not text:
        raise ValidationFailed("Văn bản cần phân loại đang trống.", "The text is empty.", field="text")
    return jsonify(classify_with_agency(db.session, text))


@bp.get("/metrics")
def metrics():
    """Response, on-time and satisfaction figures per agency for a period (public)."""
    from portal.domain.metrics import agency_ranking

    date_from, date_to = period_from_args()
    return jsonify(agency_ranking(db.session, date_from, date_to,
                                  min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"]))


def period_from_args() -> tuple[date, date]:
    date_from, date_to = parse_date(request.args.get("from"), "from"), parse_date(request.args.get("to"), "to")
    if date_from > date_to or (date_to - date_from).days > 3660:
        raise ValidationFailed("Khoảng thời gian không hợp lệ.", "Invalid period.")
    return date_from, date_to


@bp.get("/map")
def public_map():
    """Published petitions whose senders consented, with their place rounded to about 100 m, as GeoJSON: newest
    answer first, `per_page` (at most 500) a page, `next_page` while there are more (public)."""
    from portal.domain.public_map import as_geojson, map_page

    filters, page, per_page = map_query()
    published_page = url_for("public.published", code="-").removesuffix("-")  # built once, not once a point
    return jsonify(as_geojson(map_page(db.session, filters, page, per_page), lambda code: published_page + code))


def map_query():
    """The map's filters, page and page size from the query string; anything unreadable is a 422 naming it."""
    from portal.domain.public_map import PAGE_SIZE, MapFilters, parse_box

    args = request.args
    filters = MapFilters(box=parse_box(args["bbox"]) if args.get("bbox") else None,
                         category_code=args.get("category", ""), status=args.get("status", ""),
                         agency_code=args.get("agency", ""), first_day=date_arg("from"),
                         last_day=date_arg("to"))
    return filters, page_arg(), int_arg("per_page", PAGE_SIZE, 1, PAGE_SIZE)


@bp.post("/petitions/<code>/rating")
@limited
@limit_secret_guesses(code_in_path)
def rate(code):
    """The citizen rates the published answer, with the tracking secret; the status says where a "not resolved"
    sent the petition (reopened, returned to the coordinator, or still published)."""
    from portal.domain.ratings import SCORE_ELEMENTS, rate_petition

    body = json_body({"secret", "scores", "resolved", "comment"})
    petition = find_for_tracking(db.session, code, field(body, "secret", str, required=True))
    scores = field(body, "scores", dict, required=True)
    clean_scores = {name: field(scores, name, int, required=True) for name in SCORE_ELEMENTS}
    rating = rate_petition(db.session, petition, clean_scores, field(body, "resolved", bool, required=True),
                           clean_text(field(body, "comment", str, default="")))
    db.session.commit()
    return jsonify(code=petition.code, scores=clean_scores, resolved=rating.resolved, status=petition.status), 201


@bp.post("/petitions/<code>/support")
@limited
def support(code):
    """"Tôi cũng gặp vấn đề này" on a public petition: 201 the first time, 200 with the same count when the same client
    (the phone given, else the address) says it again within 30 days."""
    from portal.domain.calendar import utcnow
    from portal.domain.support import add_support, identify_supporter

    body = json_body({"phone"})
    supporter = identify_supporter(current_app.config["SECRET_KEY"], phone=clean_text(field(body, "phone", str, default="")),
                                   address=request.remote_addr or "unknown")
    result = add_support(db.session, code, supporter, utcnow())
    db.session.commit()
    return jsonify(supporters=result.supporters), 201 if result.counted else 200


@bp.get("/openapi.json")
def openapi_document():
    from portal.api.openapi import openapi_spec

    return jsonify(openapi_spec())


# More /api/v1 routes, on this blueprint.
from portal.api import leaders  # noqa: E402,F401
