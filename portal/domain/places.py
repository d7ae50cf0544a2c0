"""Provinces and wards as they stand since 1 July 2025 (two tiers), from vietnam-provinces; where a petition's pin
may lie; and the ward nearest to a pin."""
import json
import math
import statistics
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from vietnam_provinces import Province, Ward

from portal.domain.errors import ValidationFailed


@lru_cache(maxsize=1)
def provinces() -> list[tuple[str, str]]:
    """(code, name) of the 34 provinces, sorted by name."""
    return sorted(((str(p.code.value), p.name) for p in Province.iter_all()), key=lambda item: item[1])


@lru_cache(maxsize=64)
def wards_of(province_code: str) -> list[tuple[str, str]]:
    """(code, name) of the wards and communes of a province; empty for an unknown province."""
    if not province_code or not province_code.isdigit():
        return []
    try:
        province = Province.from_code(int(province_code))
    except (ValueError, KeyError):
        return []
    return sorted(((str(w.code.value), w.name) for w in Ward.iter_by_province(province.code)),
                  key=lambda item: item[1])


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    return dict(provinces())


@lru_cache(maxsize=64)
def _ward_names(province_code: str) -> dict[str, str]:
    return dict(wards_of(province_code))


def province_name(code: str | None) -> str:
    return _province_names().get(code or "", "")


def ward_name(province_code: str | None, ward_code: str | None) -> str:
    return _ward_names(province_code or "").get(ward_code or "", "")


@lru_cache(maxsize=512)
def ward_name_anywhere(ward_code: str | None) -> str:
    """A ward's name from its code alone (ward codes are unique in the country); '' for an unknown code."""
    if not ward_code or not ward_code.isdigit():
        return ""
    try:
        return Ward.from_code(int(ward_code)).name
    except (ValueError, KeyError):
        return ""


def is_valid_location(province_code: str | None, ward_code: str | None) -> bool:
    """A ward must belong to the province given; either may be left out entirely."""
    if not province_code:
        return not ward_code
    if province_code not in _province_names():
        return False
    return not ward_code or ward_code in _ward_names(province_code)


# Where a pin may lie, and the wards' points for suggesting one: data files derived by scripts/derive_places_data.py
# (sources and licences there and in each file's "about").
_DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def _vietnam_area() -> list[tuple[tuple[float, float, float, float], list[list[tuple[float, float]]]]]:
    """The area's polygons, each with its bounding box (west, south, east, north) and its rings of (lng, lat)."""
    document = json.loads((_DATA / "vietnam_area.json").read_text(encoding="utf-8"))
    polygons = []
    for rings in document["coordinates"]:
        rings = [[(float(x), float(y)) for x, y in ring] for ring in rings]
        xs, ys = [x for x, _ in rings[0]], [y for _, y in rings[0]]
        polygons.append(((min(xs), min(ys), max(xs), max(ys)), rings))
    return polygons


def in_vietnam(lat: float, lng: float) -> bool:
    """Whether a point lies on Vietnam's land, in the sea within 24 nautical miles of its coast, or in the Hoàng Sa
    or Trường Sa archipelagos (portal/data/vietnam_area.json; about 1 km of precision along the land borders).
    A bounding box would not do: it takes in Vientiane, much of Cambodia and of southern China."""
    return any(west <= lng <= east and south <= lat <= north and _inside(rings, lng, lat)
               for (west, south, east, north), rings in _vietnam_area())


def _inside(rings: list[list[tuple[float, float]]], x: float, y: float) -> bool:
    """Even-odd ray casting over the outer ring and its holes: a point in a hole crosses one more edge."""
    inside = False
    for ring in rings:
        previous_x, previous_y = ring[-1]
        for point_x, point_y in ring:
            if (point_y > y) != (previous_y > y) and \
                    x < (previous_x - point_x) * (y - point_y) / (previous_y - point_y) + point_x:
                inside = not inside
            previous_x, previous_y = point_x, point_y
    return inside


def checked_coordinates(lat, lng) -> tuple[float | None, float | None]:
    """The one rule for a petition's coordinates, whatever the channel (web, hotline, dialogue, API, Open311):
    both or neither, numbers, and in Vietnam (`in_vietnam`). Accepts numbers or the text a form sends ("16,05"
    too); raises ValidationFailed on the field "lat"."""
    lat, lng = _blank_is_none(lat), _blank_is_none(lng)
    if lat is None and lng is None:
        return None, None
    if lat is None or lng is None:
        raise ValidationFailed("Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.",
                               "Give both latitude and longitude, or neither.", field="lat")
    try:
        lat, lng = _number(lat), _number(lng)
    except (TypeError, ValueError):
        raise ValidationFailed("Toạ độ không hợp lệ: vĩ độ và kinh độ là số thập phân, ví dụ 16.0544 và 108.2022.",
                               "Invalid coordinates: latitude and longitude are decimal numbers, e.g. 16.0544 and "
                               "108.2022.", field="lat") from None
    if not in_vietnam(lat, lng):
        raise ValidationFailed("Vị trí này nằm ngoài lãnh thổ và vùng biển Việt Nam. Vui lòng đặt lại ghim.",
                               "This place is outside Vietnam's territory and waters. Please place the pin again.",
                               field="lat")
    return lat, lng


def _blank_is_none(value):
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _number(value) -> float:
    if isinstance(value, bool):  # JSON true is no coordinate
        raise TypeError
    number = float(value.strip().replace(",", ".") if isinstance(value, str) else value)
    if not math.isfinite(number):
        raise ValueError
    return number


class WardSuggestion(NamedTuple):
    province_code: str
    province_name: str
    ward_code: str
    ward_name: str


@lru_cache(maxsize=1)
def _ward_points() -> list[tuple[float, float, str]]:
    document = json.loads((_DATA / "ward_centroids.json").read_text(encoding="utf-8"))
    return [(lat, lng, code) for code, (lat, lng) in document["wards"].items()]


def nearest_ward(lat: float, lng: float) -> WardSuggestion | None:
    """The ward whose point (portal/data/ward_centroids.json) is nearest to a place in Vietnam, as a suggestion:
    a ward's point is not its boundary, so near a border the answer can be the neighbour. None outside Vietnam."""
    if not in_vietnam(lat, lng):
        return None
    shrink = math.cos(math.radians(lat))  # a degree of longitude is shorter than one of latitude away from the equator
    _, _, code = min(_ward_points(), key=lambda point: (point[0] - lat) ** 2 + ((point[1] - lng) * shrink) ** 2)
    ward = Ward.from_code(int(code))
    province_code = str(ward.province_code.value)
    return WardSuggestion(province_code, province_name(province_code), code, ward.name)


@lru_cache(maxsize=64)
def province_center(province_code: str | None) -> tuple[float, float] | None:
    """Where a province's map opens: the median of its wards' points (a median, so that a far island such as Hoàng
    Sa does not pull it out to sea); None for an unknown province."""
    codes = {code for code, _ in wards_of(province_code or "")}
    points = [(lat, lng) for lat, lng, code in _ward_points() if code in codes]
    if not points:
        return None
    return statistics.median(lat for lat, _ in points), statistics.median(lng for _, lng in points)
