"""Public search over published, redacted answers."""
from datetime import timedelta

from flask import render_template, request

from portal.domain import places
from portal.domain.calendar import local_today
from portal.extensions import db
from portal.models import Category
from portal.text.search import PublicFilters, highlight, search_petitions
from portal.web.helpers import category_choices
from portal.web.public import bp
from portal.web.public.forms import ANY, SearchForm

PAGE_SIZE = 20
MAX_PAGE = 10_000


@bp.route("/tim-kiem")
def search():
    """Find published answers by words in their title or text ("duong ngap" finds "đường ngập"), narrowed by
    category, status, ward and how recently they were answered."""
    form = _search_form()
    page = request.args.get("page", 1, type=int)
    if not form.validate() or not 1 <= page <= MAX_PAGE:
        return render_template("public/search.html", form=form, results=[], page=1, has_more=False,
                               searched=False), 400
    filters = _filters(form)
    searched = bool(form.q.data.strip()) or filters.any()
    results = search_petitions(db.session, form.q.data, published_only=True, limit=PAGE_SIZE + 1,
                               offset=(page - 1) * PAGE_SIZE, filters=filters) if searched else []
    return render_template("public/search.html", form=form, results=results[:PAGE_SIZE], page=page,
                           has_more=len(results) > PAGE_SIZE, searched=searched)


def _search_form() -> SearchForm:
    form = SearchForm(request.args)
    form.q.data = (form.q.data or "")[:200]
    form.category.choices = category_choices(blank=ANY)
    # The ward list follows the province, as on the petition form (filled by script, or after a search without it).
    form.province_code.choices = [("", ANY)] + places.provinces()
    form.ward_code.choices = [("", ANY)] + places.wards_of(form.province_code.data or "")
    return form


def _filters(form: SearchForm) -> PublicFilters:
    category = db.session.query(Category).filter_by(code=form.category.data).first() if form.category.data else None
    since = local_today() - timedelta(days=int(form.period.data)) if form.period.data else None
    return PublicFilters(category_id=category.id if category else None, status=form.status.data or None,
                         province_code=form.province_code.data or None, ward_code=form.ward_code.data or None,
                         published_since=since)


@bp.app_template_filter("highlight")
def highlight_filter(value, query):
    """Matched words in <mark>, the rest escaped."""
    return highlight(value, query)
