"""The public map: where published petitions are, for the public to see where problems gather.

Only what the public may read anywhere else (domain/privacy.py): published or closed petitions whose sender
consented, their approved public title, and their coordinates rounded to about 100 m. The box a map asks for is
widened to the edges of that 100 m grid before it is compared with the stored coordinates, so whether a petition is
in a box depends on its rounded point alone: shrinking the box around a marker cannot find the exact spot.
"""
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from portal.domain.calendar import utc_start_of
from portal.domain.errors import ValidationFailed
from portal.domain.privacy import COORDINATE_DECIMALS, PUBLIC_STATUSES, public_condition, public_coordinate
from portal.models import Agency, Category, Petition

PAGE_SIZE = 500
MAX_PAGE = 10_000
# A box with at most this many points is read by place and sorted in Python (see _page_ids).
SPARSE_BOX = 10_000
_GRID = 10 ** COORDINATE_DECIMALS


@dataclass(frozen=True)
class Box:
    """An area of the map in degrees, west to east and south to north (GeoJSON's bbox order)."""

    min_lng: float
    min_lat: float
    max_lng: float
    max_lat: float


@dataclass(frozen=True)
class MapFilters:
    box: Box | None = None
    category_code: str = ""
    status: str = ""
    agency_code: str = ""
    # Vietnam's calendar days, both included: of publication on the public map, of receipt on the committee's.
    first_day: date | None = None
    last_day: date | None = None


@dataclass(slots=True)
class Named:
    """A category or an agency as the map names it (the web's category_name/agency_name filters read it)."""

    code: str
    name: str
    name_en: str = ""


@dataclass(slots=True)
class MapPoint:
    """One published petition as the map and its list show it."""

    code: str
    title: str
    category: Named
    status: str
    agency: Named | None
    published_at: datetime
    lat: float
    lng: float


@dataclass(frozen=True)
class MapPage:
    points: list[MapPoint]
    page: int
    has_more: bool


def parse_box(raw: str) -> Box:
    """"minLng,minLat,maxLng,maxLat" in degrees, or a 422 that says what is expected."""
    parts = (raw or "").split(",")
    try:
        values = [float(part) for part in parts] if len(parts) == 4 and len(raw) <= 200 else None
    except ValueError:
        values = None
    if values is None or not all(math.isfinite(v) for v in values):
        raise ValidationFailed(
            "“bbox” phải gồm bốn số cách nhau bởi dấu phẩy: kinh độ tây, vĩ độ nam, kinh độ đông, vĩ độ bắc (ví dụ "
            "107.9,15.9,108.4,16.2).",
            "“bbox” must be four comma-separated numbers: west longitude, south latitude, east longitude, north "
            "latitude (e.g. 107.9,15.9,108.4,16.2).", field="bbox")
    box = Box(*values)
    if not (-180 <= box.min_lng <= box.max_lng <= 180 and -90 <= box.min_lat <= box.max_lat <= 90):
        raise ValidationFailed(
            "“bbox” không hợp lệ: kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90, cạnh tây không quá cạnh đông và cạnh "
            "nam không quá cạnh bắc.",
            "“bbox” is out of range: longitudes from -180 to 180, latitudes from -90 to 90, west not past east, "
            "south not past north.", field="bbox")
    return box


def checked_ids(session, filters: MapFilters, statuses=PUBLIC_STATUSES) -> tuple[int | None, int | None]:
    """The ids of the category and agency filtered by, once every filter is known to be readable (the status one of
    `statuses`); else a 422 naming the wrong one."""
    category_id = _id_of(session, Category, filters.category_code) if filters.category_code else None
    if filters.category_code and category_id is None:
        raise ValidationFailed(f"Không có lĩnh vực “{filters.category_code[:64]}”.",
                               f"There is no category “{filters.category_code[:64]}”.", field="category")
    agency_id = _id_of(session, Agency, filters.agency_code) if filters.agency_code else None
    if filters.agency_code and agency_id is None:
        raise ValidationFailed(f"Không có cơ quan “{filters.agency_code[:64]}”.",
                               f"There is no agency “{filters.agency_code[:64]}”.", field="agency")
    if filters.status and filters.status not in statuses:
        raise ValidationFailed(f"“status” phải là một trong: {', '.join(statuses)}.",
                               f"“status” must be one of: {', '.join(statuses)}.", field="status")
    if filters.first_day and filters.last_day and filters.first_day > filters.last_day:
        raise ValidationFailed("Ngày bắt đầu (“from”) phải trước ngày kết thúc (“to”).",
                               "“from” must not be after “to”.", field="from")
    return category_id, agency_id


def map_page(session, filters: MapFilters, page: int = 1, per_page: int = PAGE_SIZE) -> MapPage:
    """Published petitions with a place, newest answer first, one page of them, rounded for the public."""
    category_id, agency_id = checked_ids(session, filters)
    per_page = min(per_page, PAGE_SIZE)
    if not 1 <= page <= MAX_PAGE:
        raise ValidationFailed(f"“page” phải là số nguyên từ 1 đến {MAX_PAGE}.",
                               f"“page” must be a whole number from 1 to {MAX_PAGE}.", field="page")
    ids = _page_ids(session, filters, category_id, agency_id, (page - 1) * per_page, per_page + 1)
    query = (select(Petition.id, Petition.code, Petition.public_title, Category.code, Category.name,
                    Category.name_en, Petition.status, Agency.code, Agency.name, Petition.published_at, Petition.lat,
                    Petition.lng)
             .join(Category, Category.id == Petition.category_id)
             .outerjoin(Agency, Agency.id == Petition.agency_id)
             .where(Petition.id.in_(ids[:per_page])))
    rows = {row[0]: row[1:] for row in session.connection().execute(query).all()}
    return MapPage(points=[_point(rows[i]) for i in ids[:per_page]], page=page, has_more=len(ids) > per_page)


def _page_ids(session, filters: MapFilters, category_id: int | None, agency_id: int | None, offset: int,
              limit: int) -> list[int]:
    """The ids of one page, newest answer first, read from the two map indexes alone (migration 0014).

    A box holding few points (a ward, a street) is read from the index by place: all its points, sorted here.
    Anything else walks the index by time and stops after the page: where points are dense that is quick. The box
    is then compared as `lat + 0`, which no index serves: otherwise SQLite, which keeps no statistics of ranges,
    would read a whole province by place and sort it."""
    conditions, connection = _conditions(filters, category_id, agency_id), session.connection()
    if filters.box is not None:
        probe = connection.execute(select(Petition.id, Petition.published_at)
                                .where(*conditions, *_in_box(filters.box, Petition.lat, Petition.lng))
                                .limit(SPARSE_BOX + 1)).all()
        if len(probe) <= SPARSE_BOX:
            probe.sort(key=lambda row: (row.published_at, row.id), reverse=True)
            return [row.id for row in probe[offset:offset + limit]]
        conditions += _in_box(filters.box, Petition.lat + 0, Petition.lng + 0)
    return list(connection.execute(select(Petition.id).where(*conditions)
                                .order_by(Petition.published_at.desc(), Petition.id.desc())
                                .offset(offset).limit(limit)).scalars())


def _conditions(filters: MapFilters, category_id: int | None, agency_id: int | None) -> list:
    """Everything but the box."""
    return [public_condition(), Petition.published_at.isnot(None), Petition.lat.isnot(None), Petition.lng.isnot(None),
            *filter_conditions(filters, category_id, agency_id, Petition.published_at)]


def filter_conditions(filters: MapFilters, category_id: int | None, agency_id: int | None, moment) -> list:
    """Category, agency, status, and `moment` (stored in UTC) on one of the filters' days in Vietnam."""
    conditions = []
    if category_id is not None:
        conditions.append(Petition.category_id == category_id)
    if agency_id is not None:
        conditions.append(Petition.agency_id == agency_id)
    if filters.status:
        conditions.append(Petition.status == filters.status)
    if filters.first_day:
        conditions.append(moment >= utc_start_of(filters.first_day))
    if filters.last_day:
        conditions.append(moment < utc_start_of(filters.last_day + timedelta(days=1)))
    return conditions


def _in_box(box: Box, lat, lng) -> list:
    """The stored points that the public sees in the box (rounded to the 100 m grid)."""
    (south, north), (west, east) = _grid_span(box.min_lat, box.max_lat), _grid_span(box.min_lng, box.max_lng)
    return [lat >= south, lat < north, lng >= west, lng < east]


def _grid_span(low: float, high: float) -> tuple[float, float]:
    """The stored values whose rounded value lies in [low, high]: from half a grid step below the first grid line
    at or above `low` to half a step above the last one at or below `high` (empty when no grid line is inside)."""
    first = math.ceil(round(low * _GRID, 6)) / _GRID
    last = math.floor(round(high * _GRID, 6)) / _GRID
    half = 0.5 / _GRID
    return first - half, last + half


def _id_of(session, model, code: str) -> int | None:
    return session.execute(select(model.id).where(model.code == code)).scalar()


def _point(row) -> MapPoint:
    (code, title, category_code, category_name, category_name_en, status, agency_code, agency_name, published_at,
     lat, lng) = row
    return MapPoint(code=code, title=title or code, category=Named(category_code, category_name, category_name_en),
                    status=status, agency=Named(agency_code, agency_name) if agency_code else None,
                    published_at=published_at, lat=public_coordinate(lat), lng=public_coordinate(lng))


def as_geojson(page: MapPage, url_of) -> dict:
    """A page of points as a GeoJSON FeatureCollection ([lng, lat] order); `url_of(code)` is the public page of
    a petition."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lng, p.lat]},
                 "properties": {"code": p.code, "title": p.title, "category": p.category.code, "status": p.status,
                                "agency": p.agency.code if p.agency else None, "published_at": _iso(p.published_at),
                                "url": url_of(p.code)}}
                for p in page.points]
    return {"type": "FeatureCollection", "features": features, "page": page.page,
            "next_page": page.page + 1 if page.has_more else None}


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds") + "Z"
