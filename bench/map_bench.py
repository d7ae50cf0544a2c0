"""The maps at scale: GET /api/v1/map (whole province, a ward-sized box, filters, a deep page) and the /ban-do
page; the committee's map (its points, its petitions per ward for the heat layer, its page); timed over an archive of
N synthetic petitions, against a floor measured in the same run on the same database (one indexed primary-key look-up
of a petition), as metrics_bench.py does.

The synthetic archive has no places: seven petitions in ten get a point in Đà Nẵng (spread evenly, from their id, so
every run is the same) and one in ten a sender who did not consent to publication.

Run: .venv/bin/python bench/map_bench.py --sizes 10000 1000000 [--database-url URL]
Each size gets a fresh database: SQLite in a temporary folder unless --database-url names an empty PostgreSQL one.
Or, to time a database loaded once beforehand (`flask db upgrade`, then `python -m bench.seed_synthetic --count N`):
     .venv/bin/python bench/map_bench.py --loaded URL
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metrics_bench import BENCH_PASSWORD, BENCH_USER, _add_committee_user, _ok, p, timed  # noqa: E402

# Seven petitions in ten get a point in a 0.8° × 0.8° square over Đà Nẵng; one in ten no consent.
PLACES_SQL = """
UPDATE petition SET lat = 15.4 + ((CAST(id AS BIGINT) * 7919) % 80000) / 100000.0,
                    lng = 107.8 + ((CAST(id AS BIGINT) * 104729) % 80000) / 100000.0
WHERE id % 10 < 7 AND lat IS NULL
"""
NO_CONSENT_SQL = "UPDATE petition SET consent_public = false WHERE id % 10 = 9 AND consent_public"
WARD_BOX = "108.20,16.03,108.25,16.08"  # about 5 km × 5 km: a ward of Hải Châu


def run_size(database_url: str, size: int | None, rounds: int) -> dict:
    """Load `size` synthetic petitions into an empty database and time the maps; `size` None: the database is
    loaded already (its places are added if missing)."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from bench.synthetic import seed_synthetic
    from portal import create_app
    from portal.domain.calendar import local_today
    from portal.domain.overdue import apology_letter as render_apology_letter
    from portal.domain.taxonomy import load_taxonomy
    from portal.extensions import db
    from portal.models import User

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False,
                      "WTF_CSRF_ENABLED": False})
    with app.app_context():
        start = time.perf_counter()
        if size is not None:
            if database_url.startswith("postgresql"):
                downgrade(revision="base")
            upgrade()
            load_taxonomy(db.session)
            db.session.commit()
            seed_synthetic(db.session, size, seed=1, render_apology=render_apology_letter)
        db.session.execute(text(PLACES_SQL))
        db.session.execute(text(NO_CONSENT_SQL))
        db.session.commit()
        seconds = time.perf_counter() - start
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        session = db.session
        size = session.execute(text("SELECT count(*) FROM petition")).scalar()
        floor = timed(lambda: session.execute(text("SELECT id, code FROM petition WHERE id = :i"),
                                              {"i": size // 2}).all(), rounds * 5)
        mapped = session.execute(text(
            "SELECT count(*) FROM petition WHERE status IN ('published', 'closed') AND consent_public "
            "AND lat IS NOT NULL")).scalar()
        if not session.query(User).filter_by(email=BENCH_USER).count():
            _add_committee_user(session)
        db.session.remove()
    public, committee = app.test_client(), app.test_client()
    _ok(committee.post("/dang-nhap/", data={"email": BENCH_USER, "password": BENCH_PASSWORD}), 302)
    today = local_today()
    month = f"from={today - timedelta(days=30)}&to={today}"
    year = f"from={today - timedelta(days=364)}&to={today}"
    results = {"size": size, "seed_s": seconds, "mapped": mapped, "floor_p50": p(floor, 50), "cases": {}}
    for name, url in {
        "map, whole province, page 1": "/api/v1/map",
        "map, a ward's box": f"/api/v1/map?bbox={WARD_BOX}",
        "map, a ward's box, one category": f"/api/v1/map?bbox={WARD_BOX}&category=giao-thong",
        "map, last 30 days": f"/api/v1/map?{month}",
        "map, one agency, closed": "/api/v1/map?agency=SO-XD&status=closed",
        "map, whole province, page 20": "/api/v1/map?page=20",
        "/ban-do page (list of 20)": "/ban-do",
        "committee: points, this month": "/ban-dan-van/ban-do/diem",
        "committee: points, a year": f"/ban-dan-van/ban-do/diem?{year}",
        "committee: points, a year, a ward's box": f"/ban-dan-van/ban-do/diem?{year}&bbox={WARD_BOX}",
        "committee: wards, this month": "/ban-dan-van/ban-do/phuong-xa",
        "committee: wards, last 30 days": f"/ban-dan-van/ban-do/phuong-xa?{month}",
        "committee: wards, a year": f"/ban-dan-van/ban-do/phuong-xa?{year}",
        "committee: wards, a year, one category": f"/ban-dan-van/ban-do/phuong-xa?{year}&category=giao-thong",
        "committee: map page, this month": "/ban-dan-van/ban-do",
    }.items():
        client = committee if url.startswith("/ban-dan-van/") else public
        _ok(client.get(url))  # warm the caches, as a running server has them
        values = timed(lambda: _ok(client.get(url)), rounds)
        results["cases"][name] = (p(values, 50), p(values, 95), _count(client.get(url)))
    with app.app_context():
        db.engine.dispose()
    return results


def _count(response) -> int | None:
    """Points or wards in a JSON answer; None for a page."""
    if not response.is_json:
        return None
    body = response.get_json()
    return len(body["features"]) if "features" in body else len(body["wards"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--loaded", metavar="URL", help="time this database, loaded beforehand, instead of loading")
    args = parser.parse_args()
    if args.loaded:
        report(args.loaded, run_size(args.loaded, None, args.rounds))
        return
    for size in args.sizes:
        folder = tempfile.mkdtemp(prefix="portal-map-bench-")
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        try:
            report(url, run_size(url, size, args.rounds))
        finally:
            shutil.rmtree(folder)


def report(url: str, r: dict) -> None:
    print(f"\n{r['size']:,} petitions on {url.split(':')[0]}, {r['mapped']:,} on the public map, loaded and placed in "
          f"{r['seed_s']:.0f} s; floor (primary-key look-up) p50 {r['floor_p50']:.3f} ms")
    print(f"  {'request':42} {'items':>7} {'p50 ms':>9} {'p95 ms':>9} {'p95/floor':>10}")
    for name, (p50, p95, items) in r["cases"].items():
        shown = "" if items is None else f"{items:,}"
        print(f"  {name:42} {shown:>7} {p50:9.1f} {p95:9.1f} {p95 / r['floor_p50']:10.0f}")


if __name__ == "__main__":
    main()
