"""A database that cannot be reached or cannot write (restarting, refusing connections, a full disk, a read-only
file) answers 503 with Retry-After and a message in the reader's language, as a page, JSON or an Open311 error by
path; nothing of the request is stored; the log has one WARNING line, no stack trace."""
import io
import logging
from pathlib import Path

import pytest
from flask_migrate import upgrade
from PIL import Image
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from portal import create_app
from portal.domain.intake import receive
from portal.domain.petitions import PetitionDraft
from portal.domain.taxonomy import load_taxonomy
from portal.extensions import db
from portal.media_storage import storage_for
from portal.models import Petition, PetitionEvent, PetitionPhoto
from portal.web.errors import MESSAGES
from tests.conftest import VALID_CONTENT
from tests.web.test_health import REFUSED_DATABASE

LONG_CONTENT = (VALID_CONTENT + " ") * 40  # longer than a page: SQLite must add pages to store it


def make_app(url: str, media):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x",
                       "CLASSIFIER_WARM_UP": False, "RATELIMIT_ENABLED": False, "MEDIA_STORAGE_URI": f"file://{media}"})


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    """An application on an SQLite file of its own, migrated, with the taxonomy: its connections are made full or
    read-only by the tests."""
    folder = tmp_path_factory.mktemp("faulty")
    faulty = make_app(f"sqlite:///{folder}/portal.sqlite3", folder / "media")
    with faulty.app_context():
        upgrade()
        load_taxonomy(db.session)
        db.session.commit()
        db.engine.dispose()
    return faulty


def every_connection_runs(app, pragma: str):
    """Each new connection of `app` runs `pragma` (a test-only fault); the connections made before are closed."""
    def run(dbapi_connection, _record):
        dbapi_connection.execute(pragma)

    with app.app_context():
        db.engine.dispose()
        event.listen(db.engine, "connect", run)
    return lambda: _stop(app, run)


def _stop(app, run):
    with app.app_context():
        event.remove(db.engine, "connect", run)
        db.engine.dispose()


def stored(app) -> tuple[int, int, int]:
    with app.app_context():
        counts = tuple(db.session.execute(select(func.count()).select_from(model)).scalar()
                       for model in (Petition, PetitionEvent, PetitionPhoto))
        db.session.remove()
        return counts


def post_petition(app):
    return app.test_client().post("/api/v1/petitions", headers={"Accept-Language": "en", "Idempotency-Key": "k-1"},
                                  json={"content": LONG_CONTENT, "category": "giao-thong"})


def assert_unavailable(response, retry_after="5"):
    assert response.status_code == 503, response.get_data(as_text=True)[:500]
    assert response.headers["Retry-After"] == retry_after


def test_a_refused_connection_answers_503_in_each_shape_and_logs_no_stack_trace(tmp_path, caplog):
    unreachable = make_app(REFUSED_DATABASE, tmp_path)
    unreachable.config["DATABASE_RETRY_AFTER_SECONDS"] = 7
    client = unreachable.test_client()
    vietnamese, english = MESSAGES[503]
    with caplog.at_level(logging.WARNING):
        page = client.get("/")
        api = client.post("/api/v1/petitions", json={"content": VALID_CONTENT}, headers={"Accept-Language": "en"})
        open311 = client.get("/open311/v2/services.json")
    for response in (page, api, open311):
        assert_unavailable(response, "7")
    assert f"<h1>{vietnamese}</h1>" in page.get_data(as_text=True)
    assert api.get_json() == {"error": {"code": "database_unavailable", "message": english}}
    assert open311.get_json() == [{"code": 503, "description": vietnamese}]
    records = [r for r in caplog.records if r.name == unreachable.logger.name]
    assert records and all(r.levelno == logging.WARNING and r.exc_info is None for r in records)
    assert all("Database unavailable" in r.getMessage() for r in records)


def test_a_full_sqlite_database_refuses_a_petition_with_503_and_keeps_nothing(sqlite_app):
    before = stored(sqlite_app)
    stop = every_connection_runs(sqlite_app, "PRAGMA max_page_count = 1")  # no page more than it has
    try:
        response = post_petition(sqlite_app)
    finally:
        stop()
    assert_unavailable(response)
    assert response.get_json()["error"]["code"] == "database_unavailable"
    assert stored(sqlite_app) == before
    assert post_petition(sqlite_app).status_code == 201  # room again: the same request is accepted


def test_a_read_only_sqlite_database_refuses_a_petition_with_503_and_keeps_nothing(sqlite_app):
    before = stored(sqlite_app)
    stop = every_connection_runs(sqlite_app, "PRAGMA query_only = ON")  # "attempt to write a readonly database"
    try:
        page = sqlite_app.test_client().get("/tra-cuu")  # reading still works
        response = post_petition(sqlite_app)
    finally:
        stop()
    assert page.status_code == 200
    assert_unavailable(response)
    assert stored(sqlite_app) == before


def test_a_petition_with_a_photo_on_a_full_disk_leaves_no_row_and_no_file(sqlite_app, tmp_path):
    picture = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(picture, "PNG")
    before = stored(sqlite_app)
    stop = every_connection_runs(sqlite_app, "PRAGMA max_page_count = 1")
    try:
        with sqlite_app.app_context():
            storage = storage_for(sqlite_app)
            with pytest.raises(OperationalError, match="full"):
                receive(db.session, PetitionDraft(content=LONG_CONTENT, category_code="giao-thong"),
                        photos=[picture.getvalue()], storage=storage)
            db.session.rollback()
            db.session.remove()
    finally:
        stop()
    assert stored(sqlite_app) == before
    media = sqlite_app.config["MEDIA_STORAGE_URI"].removeprefix("file://")
    assert not [path for path in Path(media).rglob("*") if path.is_file()]
