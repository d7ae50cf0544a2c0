"""/healthz says the process answers; /readyz says whether this server can do its work, naming the check that
fails: the database, the migrations, the intake worker's heartbeat, the age of the oldest waiting petition."""
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from portal import create_app
from portal.domain.intake import beat, receive
from portal.domain.petitions import PetitionDraft
from portal.models import Petition, WorkerHeartbeat
from portal.models.base import utcnow
from tests.conftest import VALID_CONTENT

REFUSED_DATABASE = "postgresql+psycopg://portal@127.0.0.1:9/portal"  # port 9 (discard): nothing listens


@pytest.fixture
def app_without_database(tmp_path):
    """The application configured with a PostgreSQL server that refuses every connection."""
    unreachable = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": REFUSED_DATABASE, "SECRET_KEY": "x",
                              "CLASSIFIER_WARM_UP": False, "MEDIA_STORAGE_URI": f"file://{tmp_path}/media"})
    with unreachable.app_context():
        yield unreachable


@pytest.fixture
def worker_routing(app):
    app.config["INTAKE_ROUTING"] = "worker"
    yield
    app.config["INTAKE_ROUTING"] = "inline"


def failed_checks(response) -> set[str]:
    return {name for name, check in response.get_json()["checks"].items() if not check["ok"]}


def test_healthz_answers_without_asking_the_database(app_without_database):
    response = app_without_database.test_client().get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_is_ready_on_a_migrated_database_with_nothing_waiting(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "ready" and failed_checks(response) == set()


def test_readyz_fails_the_database_check_when_the_database_refuses_connections(app_without_database):
    response = app_without_database.test_client().get("/readyz")
    assert response.status_code == 503
    assert "database" in failed_checks(response)
    assert "refused" in response.get_json()["checks"]["database"]["detail"].lower()


def test_readyz_fails_the_migrations_check_when_the_database_is_behind(client, db):
    head = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    db.session.execute(text("UPDATE alembic_version SET version_num = '0021'"))
    db.session.commit()
    try:
        response = client.get("/readyz")
    finally:
        db.session.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
        db.session.commit()
    assert response.status_code == 503 and failed_checks(response) == {"migrations"}
    assert response.get_json()["checks"]["migrations"]["current"] == ["0021"]


def test_readyz_fails_when_the_intake_worker_has_not_beaten_recently(client, db, worker_routing):
    assert failed_checks(client.get("/readyz")) == {"intake_worker"}  # never started
    beat(db.session, "intake@old-host", now=utcnow() - timedelta(minutes=5))
    assert failed_checks(client.get("/readyz")) == {"intake_worker"}
    beat(db.session, "intake@this-host")
    assert client.get("/readyz").status_code == 200


def test_a_heartbeat_is_kept_in_one_row_per_worker_name(db):
    first = beat(db.session, "intake@host")
    second = beat(db.session, "intake@host", now=first + timedelta(seconds=10))
    rows = db.session.execute(select(WorkerHeartbeat.name, WorkerHeartbeat.beat_at)).all()
    assert rows == [("intake@host", second)]


def test_readyz_fails_when_a_petition_has_waited_for_routing_too_long(client, db, app):
    receipt = receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
    db.session.commit()
    assert client.get("/readyz").status_code == 200  # just came in
    waited = app.config["READY_MAX_QUEUE_AGE_SECONDS"] + 60
    db.session.get(Petition, receipt.petition_id).created_at = utcnow() - timedelta(seconds=waited)
    db.session.commit()
    response = client.get("/readyz")
    assert response.status_code == 503 and failed_checks(response) == {"intake_queue"}
    assert response.get_json()["checks"]["intake_queue"]["oldest_age_seconds"] >= waited


def test_probes_need_no_sign_in_and_are_not_rate_limited(client):
    for _ in range(30):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
