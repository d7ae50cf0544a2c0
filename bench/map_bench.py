"""The public map at scale: GET /api/v1/map (whole province, a ward-sized box, filters, a deep page) and the /ban-do
page, timed over an archive of N synthetic petitions, against a floor measured in the same run on the same database
(one indexed primary-key look-up of a petition), as metrics_bench.py does.

The synthetic archive has no places: seven petitions in ten get a point in Đà Nẵng (spread evenly, from their id, so
every run is the same) and one in ten a sender who did not consent to publication.

Run: .venv/bin/python bench/map_bench.py --sizes 10000 1000000 [--database-url URL]
Each size gets a fresh database: SQLite in a temporary folder unless --database-url names an empty PostgreSQL one.
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

from bench.metrics_bench import _ok, p, timed  # noqa: E402

# Seven petitions in ten get a point in a 0.8° × 0.8° square over Đà Nẵng; one in ten no consent.
PLACES_SQL = """
UPDATE petition SET lat = 15.4 + ((CAST(id AS BIGINT) * 7919) % 80000) / 100000.0,
                    lng = 107.8 + ((CAST(id AS BIGINT) * 104729) % 80000) / 100000.0
WHERE id % 10 < 7
"""
NO_CONSENT_SQL = "UPDATE petition SET consent_public = false WHERE id % 10 = 9"
WARD_BOX = "108.20,16.03,108.25,16.08"  # about 5 km × 5 km: a ward of Hải Châu


def run_size(database_url: str, size: int, rounds: int) -> dict:
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from bench.synthetic import seed_synthetic
    from portal import create_app
    from portal.domain.calendar import local_today
    from portal.domain.overdue import apology_letter as render_apology_letter
    from portal.domain.taxonomy import load_taxonomy
    from portal.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False})
    with app.app_context():
        if database_url.startswith("postgresql"):
            downgrade(revision="base")
        upgrade()
        load_taxonomy(db.session)
        db.session.commit()
        start = time.perf_counter()
        seed_synthetic(db.session, size, seed=1, render_apology=render_apology_letter)
        db.session.execute(text(PLACES_SQL))
        db.session.execute(text(NO_CONSENT_SQL))
        db.session.commit()
        seconds = time.perf_counter() - start
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        session = db.session
        floor = timed(lambda: session.execute(text("SELECT id, code FROM petition WHERE id = :i"),
                                              {"i": size // 2}).all(), rounds * 5)
        mapped = session.execute(text(
            "SELECT count(*) FROM petition WHERE status IN ('published', 'closed') AND consent_public "
            "AND lat IS NOT NULL")).scalar()
        db.session.remove()
    public = app.test_client()
    month = f"from={local_today() - timedelta(days=30)}&to={local_today()}"
    results = {"seed_s": seconds, "mapped": mapped, "floor_p50": p(floor, 50), "cases": {}}
    for name, url in {
        "map, whole province, page 1": "/api/v1/map",
        "map, a ward's box": f"/api/v1/map?bbox={WARD_BOX}",
        "map, a ward's box, one category": f"/api/v1/map?bbox={WARD_BOX}&category=giao-thong",
        "map, last 30 days": f"/api/v1/map?{month}",
        "map, one agency, closed": "/api/v1/map?agency=SO-XD&status=closed",
        "map, whole province, page 20": "/api/v1/map?page=20",
        "/ban-do page (list of 20)": "/ban-do",
    }.items():
        _ok(public.get(url))  # warm the caches, as a running server has them
        values = timed(lambda: _ok(public.get(url)), rounds)
        results["cases"][name] = (p(values, 50), p(values, 95), len(public.get(url).get_json()["features"])
                                  if url.startswith("/api/") else None)
    with app.app_context():
        db.engine.dispose()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    args = parser.parse_args()
    for size in args.sizes:
        folder = tempfile.mkdtemp(prefix="portal-map-bench-")
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        try:
            r = run_size(url, size, args.rounds)
        finally:
            shutil.rmtree(folder)
        print(f"\n{size:,} petitions on {url.split(':')[0]}, {r['mapped']:,} on the public map, seeded in "
              f"{r['seed_s']:.0f} s; floor (primary-key look-up) p50 {r['floor_p50']:.3f} ms")
        print(f"  {'request':40} {'points':>7} {'p50 ms':>9} {'p95 ms':>9} {'p95/floor':>10}")
        for name, (p50, p95, points) in r["cases"].items():
            shown = "" if points is None else f"{points:,}"
            print(f"  {name:40} {shown:>7} {p50:9.1f} {p95:9.1f} {p95 / r['floor_p50']:10.0f}")


if __name__ == "__main__":
    main()
