"""Rebuild the two place files the portal ships in portal/data/ (issue 18): not run by the portal itself.

- vietnam_area.json: where a petition's pin may lie (portal/domain/places.py `in_vietnam`). From Natural Earth's
  1:10m Admin 0 countries (public domain) as the npm package world-atlas 2.0.2 redistributes them (ISC licence,
  Michael Bostock): Vietnam's land, plus the sea within 24 nautical miles of its coast (the territorial sea and the
  contiguous zone of the Law of the Sea of Vietnam 2012, measured from the coastline rather than the legal
  baselines), less the land of China, Laos and Cambodia shrunk by 2 km (Natural Earth's borders are drawn to
  about a kilometre: near a land border both sides are accepted rather than a border town refused); plus a 5 km
  disc around every ward's point (below), so that each ward is in, small islands such as Bạch Long Vĩ too; plus
  the archipelagos Hoàng Sa (15°45'–17°15' N, 111°–113° E) and Trường Sa (6°12'–12° N, 111°30'–117°20' E) as
  whole rectangles (Natural Earth gives one to China and the other to no country). Simplified to about 1 km.
- ward_centroids.json: a point for each of the 3,321 wards of the two-tier map (since 1 July 2025), keyed by
  vietnam-provinces' ward code, for the pin's "nearest ward" suggestion. From the PyPI package vietnamadminunits
  1.0.4 (MIT licence, Tran Ngoc Minh Hieu), whose author gathered them from sapnhap.bando.com.vn and geocoding;
  matched to our codes by province and name, since the two packages keep a different code for some merged wards.

Usage, in a throwaway virtualenv (shapely is needed here only, never by the portal):
    python -m venv /tmp/geo && /tmp/geo/bin/pip install shapely==2.1.2 vietnam-provinces==2025.10.1
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip download --no-deps vietnamadminunits==1.0.4 && unzip vietnamadminunits-1.0.4-py3-none-any.whl
    /tmp/geo/bin/python scripts/derive_places_data.py package/countries-10m.json vietnamadminunits/data/dataset.db
"""
import json
import math
import sqlite3
import sys
import unicodedata
from pathlib import Path

from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping
from shapely.ops import transform, unary_union
from shapely.validation import make_valid
from vietnam_provinces import Ward

DATA = Path(__file__).resolve().parent.parent / "portal" / "data"
SEA_KM = 24 * 1.852
NEIGHBOURS = ("China", "Laos", "Cambodia")
HOANG_SA = box(111.0, 15.75, 113.0, 17.25)
TRUONG_SA = box(111.5, 6.2, 117.34, 12.0)
SIMPLIFY_DEGREES = 0.01
BORDER_KM = 2
WARD_KM = 5
KM_PER_DEGREE = 111.2


def topojson_countries(path: str) -> dict:
    """The countries of a TopoJSON file (quantized, delta-encoded arcs) as shapely shapes, by name."""
    topology = json.loads(Path(path).read_text())
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes):
        points = []
        for index in indexes:
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(part if not points else part[1:])
        return points

    def polygons(parts):
        # Quantizing leaves some islets of one or two points: too small to matter, and no ring at all.
        rings = [[ring(r) for r in part] for part in parts]
        return [Polygon(p[0], [r for r in p[1:] if len(r) >= 4]) for p in rings if len(p[0]) >= 4]

    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            shapes[geometry["properties"]["name"]] = MultiPolygon(polygons([geometry["arcs"]]))
        elif geometry["type"] == "MultiPolygon":
            shapes[geometry["properties"]["name"]] = MultiPolygon(polygons(geometry["arcs"]))
    # Quantizing can also make a ring touch itself: mend it, or GEOS refuses the union.
    return {name: make_valid(shape) for name, shape in shapes.items()}


def _to_km(lng, lat):  # sinusoidal projection: distances near enough to true at Vietnam's latitudes
    return lng * KM_PER_DEGREE * math.cos(math.radians(lat)), lat * KM_PER_DEGREE


def _to_degrees(x, y):
    lat = y / KM_PER_DEGREE
    return x / (KM_PER_DEGREE * math.cos(math.radians(lat))), lat


def _in_km(shape):
    return transform(_to_km, shape)


def _in_degrees(shape):
    return transform(_to_degrees, shape)


def vietnam_area(countries: dict, ward_points: list[tuple[float, float]]) -> MultiPolygon:
    land = countries["Vietnam"]
    sea = _in_degrees(_in_km(land).buffer(SEA_KM))
    # Natural Earth draws land borders to about a kilometre, which puts the centre of Móng Cái in China: the
    # neighbours' land is shrunk by BORDER_KM first, so that near a border both sides are accepted.
    neighbours = _in_degrees(_in_km(unary_union([countries[name] for name in NEIGHBOURS])).buffer(-BORDER_KM))
    # Every ward's own point is in, with a disc around it: islands too small for Natural Earth (Bạch Long Vĩ) too.
    wards = _in_degrees(unary_union([_in_km(Point(lng, lat)).buffer(WARD_KM) for lat, lng in ward_points]))
    area = unary_union([land, sea]).difference(neighbours)
    area = unary_union([area, wards, HOANG_SA, TRUONG_SA]).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    return area if isinstance(area, MultiPolygon) else MultiPolygon([area])


def _rounded(rings):
    return [[[round(x, 4), round(y, 4)] for x, y in ring] for ring in rings]


def write_area(area: MultiPolygon) -> None:
    polygons = [_rounded(p) for p in mapping(area)["coordinates"]]
    document = {
        "about": "Where a pin may lie: Vietnam's land, the sea within 24 nautical miles of its coast, Hoàng Sa and "
                 "Trường Sa. Derived by scripts/derive_places_data.py from Natural Earth 1:10m Admin 0 countries "
                 "(public domain) via the npm package world-atlas 2.0.2 (ISC).",
        "type": "MultiPolygon", "coordinates": polygons}
    (DATA / "vietnam_area.json").write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("vietnam_area.json:", len(polygons), "polygons,", sum(len(r) for p in polygons for r in p), "points")


def _bare_name(name: str) -> str:
    """A ward's name without accents, spaces or punctuation: the two packages place some tone marks differently
    (Hòa, Hoà) and spell some names with other dashes or apostrophes."""
    bare = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return "".join(c for c in bare if c.isalnum() and not unicodedata.combining(c))


def ward_centroids(dataset: str) -> dict[str, list[float]]:
    wards = list(Ward.iter_all())
    exact = {(int(w.province_code.value), unicodedata.normalize("NFC", w.name)): w for w in wards}
    loose = {(int(w.province_code.value), _bare_name(w.name)): w for w in wards}
    rows = sqlite3.connect(dataset).execute("SELECT provinceCode, ward, wardLat, wardLon FROM admin_units").fetchall()
    centroids, unmatched = {}, []
    # Exact names first, so that two wards whose names differ only by accents each find their own.
    for province_code, name, lat, lng in sorted(rows, key=lambda r: (int(r[0]), r[1]) not in exact):
        ward = exact.get((int(province_code), unicodedata.normalize("NFC", name)))
        if ward is None or str(ward.code.value) in centroids:
            ward = loose.get((int(province_code), _bare_name(name)))
        if ward is None or str(ward.code.value) in centroids:
            unmatched.append(name)
        else:
            centroids[str(ward.code.value)] = [round(lat, 4), round(lng, 4)]
    if unmatched:
        raise SystemExit(f"wards without a match in vietnam-provinces: {unmatched}")
    return centroids


def write_centroids(centroids: dict[str, list[float]]) -> None:
    document = {"about": "A point [lat, lng] for each ward (two-tier map since 1 July 2025), by vietnam-provinces "
                         "ward code. Derived by scripts/derive_places_data.py from the PyPI package vietnamadminunits "
                         "1.0.4 (MIT), which took them from sapnhap.bando.com.vn and geocoding.",
                "wards": dict(sorted(centroids.items(), key=lambda item: int(item[0])))}
    (DATA / "ward_centroids.json").write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("ward_centroids.json:", len(centroids), "wards")


if __name__ == "__main__":
    centroids = ward_centroids(sys.argv[2])
    write_area(vietnam_area(topojson_countries(sys.argv[1]), list(centroids.values())))
    write_centroids(centroids)
