"""Open311 GeoReport v2 (/open311/v2), so any Open311 client can read and file petitions.

service_code = category code, service_request_id = petition code. Reads list and show only published petitions
whose sender consented, with the stored public text and coordinates rounded to about 100 m (domain/privacy.py);
any other petition answers like a missing one, except to its sender, who sends the tracking secret in an
X-Tracking-Secret header and learns its code and status, nothing more.
"""
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from portal.api.common import rate_limit_key
from portal.domain.api_keys import authenticate_key
from portal.domain import calendar, media
from portal.domain.errors import DomainError, NotFound
from portal.domain.lifecycle import OPEN_STATUSES
from portal.domain.intake import receive, route_if_inline
from portal.domain.petitions import PetitionDraft, find_for_tracking, format_secret
from portal.domain.privacy import is_public, public_condition, public_coordinate, public_title
from portal.domain.public import submit_once
from portal.extensions import csrf, db, limiter
from portal.web.inputs import FIRST_DATE, LAST_DATE, MAX_PAGE
from portal.web.security import code_in_path, limit_secret_guesses
from portal.models import Category, Petition
from portal.models.base import utcnow
from portal.web.errors import current_language

bp = Blueprint("open311", __name__, url_prefix="/open311")
csrf.exempt(bp)
MAX_REQUESTS = 200
FORMATS = ("json", "xml")


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        self.status, self.description = status, description


@bp.errorhandler(Open311Error)
def open311_error(error):
    return render([{"code": error.status, "description": error.description}], "errors", "error", error.status)


@bp.errorhandler(DomainError)
def open311_domain_error(error):
    return render([{"code": error.status, "description": error.message(current_language())}], "errors", "error",
                  error.status)


@bp.errorhandler(404)
def open311_not_found(error):
    return render([{"code": 404, "description": "Không tìm thấy. / Not found."}], "errors", "error", 404)


def response_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Open311Error(404, "Định dạng phải là .json hoặc .xml. / Format must be .json or .xml.")
    return fmt


def render(items: list[dict], root: str, element: str, status: int = 200, fmt: str | None = None):
    fmt = fmt or ("xml" if request.path.endswith(".xml") else "json")
    if fmt == "json":
        return jsonify(items), status
    tree = ElementTree.Element(root)
    for item in items:
        node = ElementTree.SubElement(tree, element)
        for key, value in item.items():
            child = ElementTree.SubElement(node, key)
            if isinstance(value, list):
                for entry in value:
                    sub = ElementTree.SubElement(child, "value")
                    sub.text = str(entry)
            elif value is not None:
                child.text = str(value).lower() if isinstance(value, bool) else str(value)
    body = b'<?xml version="1.0" encoding="utf-8"?>' + ElementTree.tostring(tree, encoding="utf-8")
    return Response(body, status=status, mimetype="text/xml", content_type="text/xml; charset=utf-8")


@bp.get("/discovery.json")
def discovery():
    return jsonify({
        "changeset": "2026-11-24T00:00:00Z",
        "contact": "Văn phòng UBND tỉnh — đường dây nóng 1022",
        "key_service": "flask api-keys create --role integration",
        "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2",
                       "url": url_for("open311.services", fmt="json", _external=True).rsplit("/", 1)[0],
                       "changeset": "2026-11-24T00:00:00Z", "type": "production",
                       "formats": ["application/json", "text/xml"]}],
    })


@bp.get("/v2/services.<fmt>")
def services(fmt):
    response_format(fmt)
    categories = db.session.query(Category).order_by(Category.code).all()
    return render([{"service_code": c.code, "service_name": c.name, "description": c.covers, "metadata": False,
                    "type": "realtime", "keywords": c.name_en, "group": c.default_agency.name}
                   for c in categories], "services", "service", fmt=fmt)


@bp.get("/v2/services/<code>.<fmt>")
def service_definition(code, fmt):
    response_format(fmt)
    if db.session.query(Category).filter_by(code=code).first() is None:
        raise Open311Error(404, "Không có lĩnh vực này. / Unknown service_code.")
    definition = {"service_code": code, "attributes": []}
    if fmt == "json":
        return jsonify(definition)
    return render([definition], "service_definitions", "service_definition", fmt=fmt)


def status_json(petition: Petition) -> dict:
    """All a private petition shows, and only to its sender: code and status."""
    return {
        "service_request_id": petition.code,
        "status": "open" if petition.status in OPEN_STATUSES else "closed",
        "status_notes": petition.status,
    }


def request_json(petition: Petition, photo=None) -> dict:
    """A public petition as the public may read it: the approved public title and text, the place to ~100 m, and
    `photo`, its first published photo (media.first_public_photos), as media_url."""
    return {
        **status_json(petition),
        "service_name": petition.category.name,
        "service_code": petition.category.code,
        "title": public_title(petition),
        "description": petition.public_content or "",
        "agency_responsible": petition.agency.name if petition.agency else None,
        "service_notice": None,
        "requested_datetime": iso(petition.created_at),
        "updated_datetime": iso(petition.updated_at),
        "expected_datetime": (calendar.local_isoformat(petition.due_at) if petition.due_at else
                              petition.due_date.isoformat() + "T23:59:59+07:00" if petition.due_date else None),
        "address": "", "address_id": None, "zipcode": None,
        "lat": public_coordinate(petition.lat), "long": public_coordinate(petition.lng),
        "media_url": media.public_url(photo, "full", external=True) if photo is not None else None,
    }


def iso(moment) -> str | None:
    return moment.replace(tzinfo=timezone.utc).isoformat(timespec="seconds") if moment else None


def parse_datetime(name: str) -> datetime | None:
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
    except (ValueError, OverflowError):  # 9999-12-31T23:59:59-23:59 is past the last moment Python can hold
        moment = None
    if moment is None or not FIRST_DATE <= moment.date() <= LAST_DATE:
        raise Open311Error(400, f"{name} phải theo ISO 8601, từ năm {FIRST_DATE.year} đến {LAST_DATE.year}. / "
                                f"{name} must be ISO 8601, from {FIRST_DATE.year} to {LAST_DATE.year}.")
    return moment


@bp.get("/v2/requests.<fmt>")
def list_requests(fmt):
    """Published petitions whose senders consented, with the spec's filters; by default the last 90 days, at most
    200 a page."""
    response_format(fmt)
    query = db.session.query(Petition).filter(public_condition())
    ids = [i.strip() for i in request.args.get("service_request_id", "").split(",") if i.strip()]
    if ids:
        query = query.filter(Petition.code.in_(ids[:MAX_REQUESTS]))
    else:
        start, end = parse_datetime("start_date"), parse_datetime("end_date")
        if start is None and end is None:
            start = utcnow() - timedelta(days=90)
        if start:
            query = query.filter(Petition.created_at >= start)
        if end:
            query = query.filter(Petition.created_at <= end)
        codes = [c for c in request.args.get("service_code", "").split(",") if c]
        if codes:
            query = query.join(Category, Petition.category_id == Category.id).filter(Category.code.in_(codes))
        status = request.args.get("status")
        if status == "open":
            query = query.filter(Petition.status.in_(OPEN_STATUSES))
        elif status == "closed":
            query = query.filter(Petition.status.notin_(OPEN_STATUSES))
        elif status:
            raise Open311Error(400, "status phải là open hoặc closed. / status must be open or closed.")
    page = request.args.get("page", "1")
    if not (page.isascii() and page.isdigit() and 1 <= int(page[:12]) <= MAX_PAGE):
        raise Open311Error(400, "page phải là số nguyên dương. / page must be a positive integer.")
    petitions = query.order_by(Petition.id.desc()).offset((int(page) - 1) * MAX_REQUESTS).limit(MAX_REQUESTS).all()
    photos = media.first_public_photos(db.session, [p.id for p in petitions])
    return render([request_json(p, photos.get(p.id)) for p in petitions], "service_requests", "request", fmt=fmt)


@bp.get("/v2/requests/<code>.<fmt>")
@limit_secret_guesses(code_in_path)
def get_request(code, fmt):
    """A public petition; any other only to its sender (X-Tracking-Secret), as code and status."""
    response_format(fmt)
    petition = db.session.query(Petition).filter_by(code=code.upper()).first()
    if petition is not None and is_public(petition):
        photo = media.first_public_photos(db.session, [petition.id]).get(petition.id)
        return render([request_json(petition, photo)], "service_requests", "request", fmt=fmt)
    secret = request.headers.get("X-Tracking-Secret", "")
    if not secret:
        # A code exists or not, public or private: the same answer, so sequential codes reveal nothing.
        raise NotFound("Không tìm thấy yêu cầu.", "Request not found.")
    return render([status_json(find_for_tracking(db.session, code, secret))], "service_requests", "request", fmt=fmt)


def post_limit():
    return current_app.config["RATELIMIT_PUBLIC_POST"]


@bp.post("/v2/requests.<fmt>")
@limiter.limit(post_limit, key_func=rate_limit_key, methods=["POST"])
def create_request(fmt):
    """File a petition, form-encoded as the spec says, with an integration key as api_key."""
    response_format(fmt)
    request.max_content_length = 64 * 1024
    form = request.form
    key = authenticate_key(db.session, form.get("api_key", ""))
    if key.role not in ("integration", "operator", "admin"):
        raise Open311Error(403, "Khoá này không được gửi yêu cầu. / This key may not file requests.")
    draft = draft_from_form(form)
    idempotency = form.get("token") or request.headers.get("Idempotency-Key")
    if idempotency:
        receipt = submit_once(db.session, draft, f"open311:{key.id}:{idempotency[:200]}",
                              app_secret=current_app.config["SECRET_KEY"])
    else:
        receipt = receive(db.session, draft)
        db.session.commit()
    route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
    notice = "Đã tiếp nhận; tra cứu bằng mã và mật mã gửi cho người dân qua kênh của đơn vị tích hợp."
    # The secret goes to the integrator once, to hand on to the citizen: without it nobody can follow an
    # unpublished petition (X-Tracking-Secret on GET, or the portal's tracking page).
    return render([{"service_request_id": receipt.code, "service_notice": notice, "account_id": None,
                    "secret": format_secret(receipt.secret)}], "service_requests", "request", 201, fmt=fmt)


def draft_from_form(form) -> PetitionDraft:
    """The draft as sent; lat and long are checked with every channel's coordinates (places.checked_coordinates)."""
    if not form.get("service_code"):
        raise Open311Error(400, "Thiếu service_code. / service_code is required.")
    name = " ".join(filter(None, (form.get("first_name", ""), form.get("last_name", ""))))
    return PetitionDraft(content=form.get("description", ""), channel="api", category_code=form["service_code"],
                         address=form.get("address_string", ""), lat=form.get("lat"), lng=form.get("long"),
                         reporter_name=name, reporter_phone=form.get("phone", ""),
                         reporter_email=form.get("email", ""))
