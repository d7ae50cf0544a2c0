"""The public map (/ban-do): where published petitions are, on a map for those who can see one, and the same
petitions in a list below it, for keyboards, screen readers, browsers without scripts and offices without tiles."""
from datetime import date
from urllib.parse import urlencode

from flask import current_app, render_template, request

from portal.domain.public_map import MAX_PAGE, MapFilters, map_page
from portal.extensions import db
from portal.models import Agency, Category
from portal.web.helpers import agency_name, category_name
from portal.web.public import bp
from portal.web.public.forms import ANY, MapForm

LIST_SIZE = 20


@bp.route("/ban-do")
def public_map():
    """The map and its list, narrowed by category, status, agency and days of publication."""
    form = map_form()
    page = request.args.get("page", 1, type=int)
    valid = form.validate() and 1 <= page <= MAX_PAGE
    result = map_page(db.session, map_filters(form), page, LIST_SIZE) if valid else None
    return render_template("public/map.html", form=form, result=result, api_query=api_query(form) if valid else "",
                           tile_url=current_app.config["MAP_TILE_URL"],
                           tile_attribution=current_app.config["MAP_TILE_ATTRIBUTION"]), 200 if valid else 400


def map_form() -> MapForm:
    form = MapForm(request.args)
    categories = db.session.query(Category).order_by(Category.name).all()
    form.category.choices = [("", ANY)] + [(c.code, category_name(c)) for c in categories]
    agencies = db.session.query(Agency).filter_by(active=True).order_by(Agency.name).all()
    form.agency.choices = [("", ANY)] + [(a.code, agency_name(a)) for a in agencies]
    return form


def map_filters(form: MapForm) -> MapFilters:
    return MapFilters(category_code=form.category.data or "", status=form.status.data or "",
                      agency_code=form.agency.data or "", first_day=_date(form.from_date.data),
                      last_day=_date(form.to_date.data))


def api_query(form: MapForm) -> str:
    """The same filters as GET /api/v1/map reads them, for the map's script."""
    pairs = {"category": form.category.data, "status": form.status.data, "agency": form.agency.data,
             "from": form.from_date.data, "to": form.to_date.data}
    return urlencode({name: value for name, value in pairs.items() if value})


def _date(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None
