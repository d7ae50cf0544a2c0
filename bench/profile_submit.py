"""Where the time of POST /api/v1/petitions goes: N submissions through the app's test client on a fresh SQLite
database (migrated and bootstrapped like `make run`), under pyinstrument.

Run: .venv/bin/python bench/profile_submit.py [-n 300] [--html bench/results/profile.html]
It prints the mean time per submission, then pyinstrument's call tree of the profiled submissions.
"""
import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pyinstrument import Profiler  # noqa: E402

from petition_bodies import petition_bodies  # noqa: E402


def build_app(tmp: str, routing: str):
    """The portal on a fresh SQLite file, migrated and bootstrapped, rate limits off, plus an operator key."""
    os.environ.pop("DATABASE_URL", None)
    from portal import create_app
    from portal.domain.api_keys import create_key
    from portal.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/portal.sqlite3", "SECRET_KEY": "profile",
                      "RATELIMIT_ENABLED": False, "MAIL_ENABLED": False, "INTAKE_ROUTING": routing})
    app.instance_path = tmp  # bootstrap writes instance/demo-accounts.txt: keep it in the temp dir
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        result = app.test_cli_runner().invoke(args=["bootstrap"])
        assert result.exit_code == 0, result.output
        _, raw_key = create_key(db.session, "profile", "operator")
        db.session.commit()
    return app, raw_key


def submit_all(client, key: str, bodies: list[dict]) -> float:
    started = time.perf_counter()
    for body in bodies:
        response = client.post("/api/v1/petitions", json=body,
                               headers={"Authorization": f"Bearer {key}", "Idempotency-Key": uuid.uuid4().hex})
        assert response.status_code == 201, response.get_data(as_text=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="profiled submissions (after 20 for warm-up)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--html", help="also write pyinstrument's HTML report here")
    parser.add_argument("--routing", choices=("inline", "worker"), default="worker",
                        help="INTAKE_ROUTING: route in the request, or leave it to the intake worker (as make run)")
    parser.add_argument("--no-profile", action="store_true", help="time only, without the profiler's overhead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-profile-") as tmp:
        app, key = build_app(tmp, args.routing)
        client = app.test_client()
        bodies = petition_bodies(args.n + 20, random.Random(args.seed))
        submit_all(client, key, bodies[:20])  # warm-up: first queries, caches
        if args.no_profile:
            seconds = submit_all(client, key, bodies[20:])
            print(f"{args.n} submissions ({args.routing} routing) in {seconds:.2f} s: "
                  f"{seconds / args.n * 1000:.2f} ms each, {args.n / seconds:.1f}/s")
            return
        profiler = Profiler(interval=0.0005)
        profiler.start()
        seconds = submit_all(client, key, bodies[20:])
        profiler.stop()
        print(f"{args.n} submissions ({args.routing} routing) in {seconds:.2f} s: {seconds / args.n * 1000:.2f} ms "
              f"each, {args.n / seconds:.1f}/s (profiler on)")
        print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL"))))
        if args.html:
            Path(args.html).parent.mkdir(parents=True, exist_ok=True)
            Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
        with app.app_context():
            from portal.extensions import db

            db.engine.dispose()


if __name__ == "__main__":
    main()
