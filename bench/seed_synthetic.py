"""Bulk synthetic petitions over the last 12 months, each with what its workflow left: events, assignments, answer,
rating, apology letter. For benchmarks and load tests only; the database is the one the app would use
(DATABASE_URL, else instance/portal.sqlite3).

Run: .venv/bin/python -m bench.seed_synthetic --count 100000 --seed 1
"""
import argparse
import time


def main(argv: list[str] | None = None, app=None) -> None:
    """Parse the options, then load into `app`'s database (a new app from the environment by default)."""
    parser = argparse.ArgumentParser(prog="python -m bench.seed_synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=_count, default=10_000, help="petitions to add, 1 to 5,000,000 (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed, the same archive (default 1)")
    args = parser.parse_args(argv)
    if app is None:
        from portal import create_app

        app = create_app()
    with app.app_context():
        print(load(args.count, args.seed))


def _count(value: str) -> int:
    count = int(value)
    if not 1 <= count <= 5_000_000:
        raise argparse.ArgumentTypeError("from 1 to 5,000,000")
    return count


def load(count: int, seed: int) -> str:
    """Load `count` petitions into the app's database; returns rows per table and the speed, on two lines."""
    from bench.synthetic import seed_synthetic
    from portal.domain.overdue import apology_letter
    from portal.domain.taxonomy import load_taxonomy
    from portal.extensions import db

    load_taxonomy(db.session)
    db.session.commit()
    started = time.perf_counter()
    written = seed_synthetic(db.session, count, seed, render_apology=apology_letter)
    seconds = time.perf_counter() - started
    rows = sum(written.values())
    return (", ".join(f"{n} {table}" for table, n in written.items())
            + f"\n{rows} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s, {count / seconds:,.0f} petitions/s")


if __name__ == "__main__":
    main()
