"""The committee's map (Ban Dân vận): where petitions gather, for the staff who supervise the whole province.

Unlike the public map (domain/public_map.py), every petition counts, whatever its status or its sender's consent, at
its exact point; the routes let only the committee and administrators read it. Filters are the public map's, with
the days being days of receipt. Two answers:
- the points themselves, newest first, at most POINT_CAP of them (a box narrows them down when the cap is reached);
- the number of petitions per ward, each ward placed at the mean point of its petitions that have one: the data
  places the wards, so no table of ward outlines has to ship or age with the 2025 reform of wards.
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, case, func, select
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from portal.domain.lifecycle import STATUSES
from portal.domain.places import ward_name_anywhere
from portal.domain.public_map import MapFilters, checked_ids, filter_conditions
from portal.models import Agency, Category, Petition

POINT_CAP = 2000
# SQLite keeps no statistics of ranges: for a period holding much of the archive it would look each petition up from
# the index of created_at, one by one, where reading the table straight through is several times quicker. Past this
# share of all petitions the period is compared as `+created_at`, which no index serves. PostgreSQL chooses itself.
SCAN_SHARE = 0.15


@dataclass(slots=True)
class StaffPoint:
    """One petition as the committee's map shows it."""

    code: str
    title: str
    category_code: str
    status: str
    agency_code: str | None
    ward_code: str | None
    created_at: datetime
    lat: float
    lng: float


@dataclass(frozen=True)
class StaffPoints:
    points: list[StaffPoint]
    cap: int
    truncated: bool  # more petitions match than `cap`: these are the newest


@dataclass(frozen=True)
class WardCount:
    """How many petitions a ward has, placed at the mean point of those with a place (None when none has one)."""

    ward_code: str
    name: str
    petitions: int
    lat: float | None
    lng: float | None


def staff_points(session, filters: MapFilters, cap: int = POINT_CAP) -> StaffPoints:
    """Petitions with a place matching the filters, newest first, at most `cap`, exact coordinates."""
    category_id, agency_id = checked_ids(session, filters, STATUSES)
    # Without a box the newest points are found walking the index by time, stopping at the cap; a box may hold few
    # of them, so a long period is then read through (see SCAN_SHARE).
    received = _received(session, filters) if filters.box is not None else Petition.created_at
    conditions = [Petition.lat.isnot(None), Petition.lng.isnot(None),
                  *filter_conditions(filters, category_id, agency_id, received)]
    if filters.box is not None:
        box = filters.box
        conditions += [Petition.lat.between(box.min_lat, box.max_lat), Petition.lng.between(box.min_lng, box.max_lng)]
    query = (select(Petition.code, Petition.title, Category.code, Petition.status, Agency.code, Petition.ward_code,
                    Petition.created_at, Petition.lat, Petition.lng)
             .join(Category, Category.id == Petition.category_id)
             .outerjoin(Agency, Agency.id == Petition.agency_id)
             .where(*conditions).order_by(Petition.created_at.desc(), Petition.id.desc()).limit(cap + 1))
    rows = session.connection().execute(query).all()
    return StaffPoints(points=[StaffPoint(*row) for row in rows[:cap]], cap=cap, truncated=len(rows) > cap)


def ward_counts(session, filters: MapFilters) -> list[WardCount]:
    """Petitions per ward matching the filters (the box aside), most first; a ward's point is the mean of its
    petitions' points, counted by the database in one GROUP BY. Petitions without a ward are left out."""
    category_id, agency_id = checked_ids(session, filters, STATUSES)
    has_point = Petition.lat.isnot(None) & Petition.lng.isnot(None)
    query = (select(Petition.ward_code, func.count(Petition.id),
                    func.avg(_where(has_point, Petition.lat)), func.avg(_where(has_point, Petition.lng)))
             .where(Petition.ward_code.isnot(None),
                    *filter_conditions(filters, category_id, agency_id, _received(session, filters)))
             .group_by(Petition.ward_code))
    wards = [WardCount(ward_code=code, name=ward_name_anywhere(code) or code, petitions=count,
                       lat=float(lat) if lat is not None else None, lng=float(lng) if lng is not None else None)
             for code, count, lat, lng in session.connection().execute(query).all()]
    return sorted(wards, key=lambda ward: (-ward.petitions, ward.name))


def _received(session, filters: MapFilters):
    """The moment of receipt as the period's conditions should compare it (see SCAN_SHARE)."""
    if session.get_bind().dialect.name != "sqlite":
        return Petition.created_at
    connection = session.connection()
    archive = connection.execute(select(func.max(Petition.id))).scalar() or 0
    in_period = connection.execute(select(func.count()).select_from(Petition)
                                   .where(*filter_conditions(MapFilters(first_day=filters.first_day,
                                                                        last_day=filters.last_day),
                                                             None, None, Petition.created_at))).scalar()
    if in_period <= SCAN_SHARE * archive:
        return Petition.created_at
    return UnaryExpression(Petition.created_at, operator=operators.custom_op("+"), type_=DateTime())


def _where(condition, value):
    """`value` where `condition` holds, else NULL, which AVG skips."""
    return case((condition, value))


def as_geojson(result: StaffPoints, url_of) -> dict:
    """The points as a GeoJSON FeatureCollection ([lng, lat] order); `url_of(code)` is the committee's item page."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lng, p.lat]},
                 "properties": {"code": p.code, "title": p.title or p.code, "category": p.category_code,
                                "status": p.status, "agency": p.agency_code, "ward": p.ward_code,
                                "created_at": p.created_at.isoformat(timespec="seconds") + "Z",
                                "url": url_of(p.code)}}
                for p in result.points]
    return {"type": "FeatureCollection", "features": features, "truncated": result.truncated, "cap": result.cap}
