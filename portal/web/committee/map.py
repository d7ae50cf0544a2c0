"""The committee's map (/ban-dan-van/ban-do): every petition at its exact point, or a heat layer of petitions per
ward, with the dashboard's period and the public map's filters; below it the wards with most petitions as a table,
for keyboards and screen readers. Committee staff and administrators only (role_required)."""
from urllib.parse import urlencode

from flask import current_app, jsonify, render_template, request, url_for

from portal.domain.committee_map import as_geojson, staff_points, ward_counts
from portal.domain.errors import DomainError, ValidationFailed
from portal.domain.lifecycle import STATUSES
from portal.domain.public_map import MapFilters, parse_box
from portal.extensions import db
from portal.models import Agency, Category
from portal.web.committee import bp
from portal.web.committee.routes import selected_period
from portal.web.errors import current_language
from portal.web.security import role_required

TOP_WARDS = 20
FILTERS = ("from", "to", "category", "status", "agency")


@bp.route("/ban-do")
@role_required("committee")
def staff_map():
    """The map and the table of the wards with most petitions, for the chosen period and filters."""
    try:
        filters = map_filters()
        wards, error = ward_counts(db.session, filters), None
    except ValidationFailed as failure:
        filters, wards, error = None, [], failure.message(current_language())
    first, last = (filters.first_day, filters.last_day) if filters else (None, None)
    query = urlencode({"from": first.isoformat(), "to": last.isoformat(),
                       **{k: request.args[k] for k in FILTERS[2:] if request.args.get(k)}}) if filters else ""
    return render_template(
        "committee/map.html", error=error, first=first, last=last, wards=wards[:TOP_WARDS],
        ward_total=len(wards), petition_total=sum(ward.petitions for ward in wards), query=query,
        agencies=db.session.query(Agency).order_by(Agency.code).all(),
        categories=db.session.query(Category).order_by(Category.name).all(), statuses=STATUSES,
        tile_url=current_app.config["MAP_TILE_URL"], tile_attribution=current_app.config["MAP_TILE_ATTRIBUTION"],
    ), 422 if error else 200


@bp.route("/ban-do/diem")
@role_required("committee")
def staff_map_points():
    """GeoJSON of the newest petitions with a place (at most POINT_CAP; `truncated` when more match; `bbox`
    narrows them), exact coordinates, each linking to the committee's read-only item page."""
    try:
        result = staff_points(db.session, map_filters(with_box=True))
    except DomainError as error:
        return json_error(error)
    item_page = url_for("committee.item", code="-").removesuffix("-")  # built once, not once a point
    return jsonify(as_geojson(result, lambda code: item_page + code))


@bp.route("/ban-do/phuong-xa")
@role_required("committee")
def staff_map_wards():
    """Petitions per ward, each ward at the mean point of its petitions, most first: the heat layer's data."""
    try:
        wards = ward_counts(db.session, map_filters())
    except DomainError as error:
        return json_error(error)
    return jsonify(wards=[{"ward": w.ward_code, "name": w.name, "petitions": w.petitions, "lat": w.lat,
                           "lng": w.lng} for w in wards])


def map_filters(with_box: bool = False) -> MapFilters:
    """The query string's filters; the period is the dashboard's (this month so far unless chosen)."""
    first, last = selected_period()
    args = request.args
    return MapFilters(box=parse_box(args["bbox"]) if with_box and args.get("bbox") else None,
                      category_code=args.get("category", ""), status=args.get("status", ""),
                      agency_code=args.get("agency", ""), first_day=first, last_day=last)


def json_error(error: DomainError):
    """A domain error as the API shapes it, for the map's script."""
    return jsonify(error={"code": error.code, "message": error.message(current_language())}), error.status
