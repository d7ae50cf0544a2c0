"""/healthz and /readyz for load balancers and monitoring, and /metrics for Prometheus (portal/observability.py).
No sign-in, no rate limit, no CSRF: they are read by machines every few seconds."""
from datetime import timedelta
from functools import lru_cache

from alembic.script import ScriptDirectory
from flask import Blueprint, abort, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from portal.domain.intake import latest_heartbeat, oldest_waiting_since
from portal.extensions import db, limiter
from portal.models.base import utcnow

bp = Blueprint("health", __name__)
limiter.exempt(bp)


@bp.get("/healthz")
def healthz():
    """The process answers; the database is not asked (a restarting database must not get every server killed)."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """200 when this server can do its work, else 503, with each check's result."""
    checks = readiness_checks(current_app.config, current_app.extensions["migrate"].directory)
    ready = all(check["ok"] for check in checks.values())
    return jsonify(status="ready" if ready else "not_ready", checks=checks), 200 if ready else 503


@bp.get("/metrics")
def metrics():
    """Prometheus' text format, only to the networks in METRICS_ALLOWED_NETWORKS; 404 to anyone else."""
    from portal.observability import metrics_allowed, metrics_response

    if not metrics_allowed(current_app.config):
        abort(404)
    return metrics_response(db.session)


def readiness_checks(config, migrations_directory: str) -> dict:
    """database reachable; migrations at head; the intake worker's heartbeat fresh (when petitions wait for a
    worker); the oldest waiting petition younger than READY_MAX_QUEUE_AGE_SECONDS. A check the database cannot
    answer fails with the database's reason."""
    checks = {"database": lambda: {"ok": db.session.execute(text("SELECT 1")).scalar() == 1},
              "migrations": lambda: _migrations_check(migrations_directory)}
    if config["INTAKE_ROUTING"] == "worker":
        checks["intake_worker"] = lambda: _heartbeat_check(timedelta(seconds=config["READY_WORKER_HEARTBEAT_SECONDS"]))
    checks["intake_queue"] = lambda: _queue_check(timedelta(seconds=config["READY_MAX_QUEUE_AGE_SECONDS"]))
    results = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines() or [type(error).__name__]
            results[name] = {"ok": False, "detail": reason[0]}
        finally:
            _end_read()
    return results


def _end_read() -> None:
    """End the probe's read, so no transaction stays open between probes; a lost connection is dropped."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session.close()


def _migrations_check(directory: str) -> dict:
    current = db.session.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    heads = _heads(directory)
    return {"ok": sorted(current) == heads, "current": sorted(current), "head": heads}


@lru_cache(maxsize=4)
def _heads(directory: str) -> list[str]:
    return sorted(ScriptDirectory(directory).get_heads())


def _heartbeat_check(max_age: timedelta) -> dict:
    beat = latest_heartbeat(db.session)
    age = None if beat is None else (utcnow() - beat).total_seconds()
    return {"ok": age is not None and age <= max_age.total_seconds(), "age_seconds": age,
            "max_age_seconds": max_age.total_seconds()}


def _queue_check(max_age: timedelta) -> dict:
    since = oldest_waiting_since(db.session)
    age = 0.0 if since is None else (utcnow() - since).total_seconds()
    return {"ok": age <= max_age.total_seconds(), "oldest_age_seconds": age,
            "max_age_seconds": max_age.total_seconds()}
