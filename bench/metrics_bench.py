"""Metrics at scale: the year's agency ranking (what GET /api/v1/metrics answers), the 12-month trend, the heat
map and the responsibility counts, then whole requests (the public API, the committee's dashboard), timed over an
archive of N synthetic petitions, against a floor measured in the same run on the same database (one indexed
primary-key look-up of a petition).

Run: .venv/bin/python bench/metrics_bench.py --sizes 10000 1000000 [--database-url URL]
Each size gets a fresh database: SQLite in a temporary folder unless --database-url names an empty PostgreSQL one.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(function, rounds: int) -> list[float]:
    result = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        result.append((time.perf_counter() - start) * 1000)
    return result


def p(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run_size(database_url: str, size: int, rounds: int) -> dict:
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text

    from bench.synthetic import seed_synthetic
    from portal import create_app
    from portal.domain import metrics
    from portal.domain.calendar import local_today
    from portal.domain.overdue import apology_letter as render_apology_letter
    from portal.domain.taxonomy import load_taxonomy
    from portal.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False})
    today = local_today()
    year = (today - timedelta(days=364), today)
    with app.app_context():
        if database_url.startswith("postgresql"):
            downgrade(revision="base")
        upgrade()
        load_taxonomy(db.session)
        db.session.commit()
        start = time.perf_counter()
        written = seed_synthetic(db.session, size, seed=1, render_apology=render_apology_letter)
        seconds = time.perf_counter() - start
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        session = db.session
        floor = timed(lambda: session.execute(text("SELECT id, code FROM petition WHERE id = :i"),
                                              {"i": size // 2}).all(), rounds * 5)
        results = {"rows": sum(written.values()), "seed_rows_per_s": sum(written.values()) / seconds,
                   "floor_p50": p(floor, 50), "cases": {}}
        _time_cases(results, rounds, {
            "ranking, year": lambda: metrics.agency_ranking(session, *year),
            "trend, 12 months": lambda: metrics.monthly_trend(session, today),
            "heat map, year": lambda: metrics.heat_map(session, metrics.Period(*year)),
            "ranking, year, channel filter": lambda: metrics.agency_ranking(
                session, *year, filters=metrics.Filters(channel="hotline")),
            "returns, transfers, apologies": lambda: metrics.responsibility_counts(session, *year),
        })
        _add_committee_user(session)
        db.session.remove()
    # Whole requests, each in its own application context as on a server: every figure of the page at once.
    public, committee = app.test_client(), app.test_client()
    _ok(committee.post("/dang-nhap/", data={"email": BENCH_USER, "password": BENCH_PASSWORD}), 302)
    span = f"from={year[0]}&to={year[1]}"
    _time_cases(results, rounds, {
        "GET /api/v1/metrics, year": lambda: _ok(public.get(f"/api/v1/metrics?{span}")),
        "committee dashboard, year": lambda: _ok(committee.get(f"/ban-dan-van/?{span}")),
        "public transparency page": lambda: _ok(public.get("/minh-bach")),
        "drill-down: one agency's year": lambda: _ok(committee.get(f"/ban-dan-van/chi-tiet?{span}&figure=received"
                                                                   f"&agency=SO-XD")),
        "drill-down: one agency's overdue": lambda: _ok(committee.get(f"/ban-dan-van/chi-tiet?{span}&figure=overdue"
                                                                      f"&agency=SO-XD")),
    })
    with app.app_context():
        db.engine.dispose()
    return results


def _time_cases(results: dict, rounds: int, cases: dict) -> None:
    for name, case in cases.items():
        case()  # warm the caches, as a running server has them
        values = timed(case, rounds)
        results["cases"][name] = (p(values, 50), p(values, 95))


BENCH_USER, BENCH_PASSWORD = "bench.committee@example.gov.vn", "mật-khẩu-đo-tải-123"


def _add_committee_user(session) -> None:
    from portal.models import User

    user = User(email=BENCH_USER, full_name="Ban Dân vận", role="committee")
    user.set_password(BENCH_PASSWORD)
    session.add(user)
    session.commit()


def _ok(response, status: int = 200):
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True)[:300])
    return response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    args = parser.parse_args()
    by_size = {}
    for size in args.sizes:
        folder = tempfile.mkdtemp(prefix="portal-metrics-bench-")
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        try:
            by_size[size] = run_size(url, size, args.rounds)
        finally:
            shutil.rmtree(folder)  # a million petitions take about 2 GB
        r = by_size[size]
        print(f"\n{size:,} petitions ({r['rows']:,} rows, seeded at {r['seed_rows_per_s']:,.0f} rows/s) on "
              f"{url.split(':')[0]}; floor (primary-key look-up) p50 {r['floor_p50']:.3f} ms")
        print(f"  {'query':40} {'p50 ms':>9} {'p95 ms':>9} {'p95/floor':>10}")
        for name, (p50, p95) in r["cases"].items():
            print(f"  {name:40} {p50:9.1f} {p95:9.1f} {p95 / r['floor_p50']:10.0f}")
    if len(by_size) > 1:
        small, large = min(by_size), max(by_size)
        print(f"\np95 at {large:,} ÷ p95 at {small:,} (goal: at most 3):")
        for name in by_size[small]["cases"]:
            print(f"  {name:40} {by_size[large]['cases'][name][1] / by_size[small]['cases'][name][1]:6.2f}")


if __name__ == "__main__":
    main()
