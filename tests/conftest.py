"""Fixtures shared by the whole suite: a real database (SQLite, or PostgreSQL when
TEST_DATABASE_URL says so), migrated by Alembic, emptied between tests."""
import os
import re
import socket
import tempfile
import threading
import uuid
from html.parser import HTMLParser

import pytest
from sqlalchemy import create_engine, text
from flask import g
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from portal import create_app
from portal.extensions import db as _db
from portal.extensions import limiter

BACKEND = "postgresql" if os.environ.get("TEST_DATABASE_URL", "").startswith("postgres") else "sqlite"


def _postgres_test_database(server_url: str):
    """A fresh database on the throwaway cluster, dropped at the end of the session."""
    name = f"portal_test_{uuid.uuid4().hex[:10]}"
    admin_url = server_url.replace("postgresql://", "postgresql+psycopg://")
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server_url.rsplit("/", 1)[0] + "/" + name

    def drop():
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return url, drop


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if BACKEND == "postgresql":
        url, drop = _postgres_test_database(os.environ["TEST_DATABASE_URL"])
        yield url
        drop()
    else:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("db") / "portal.sqlite3")


class IsolatedClient(FlaskClient):
    """Each request starts with an empty `g`, as in production. The tests hold an app context open
    (for db.session), and Flask would otherwise share its `g` (signed-in user, locale) between requests."""

    def open(self, *args, **kwargs):
        saved = dict(vars(g))
        vars(g).clear()
        try:
            return super().open(*args, **kwargs)
        finally:
            vars(g).clear()
            vars(g).update(saved)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    instance = tmp_path_factory.mktemp("instance")
    os.environ.pop("DATABASE_URL", None)
    flask_app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "RATELIMIT_ENABLED": True,
        "POW_MAX_NUMBER": 1000,  # the browser tests solve the anonymous forms' proof of work in a moment
        "MAIL_ENABLED": False,
        "SERVER_NAME": None,
        # Photos written by tests stay in the test's temporary instance, never in the checkout's instance/.
        "MEDIA_STORAGE_URI": "file://" + str(instance / "media"),
    })
    flask_app.test_client_class = IsolatedClient
    with flask_app.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield flask_app
    with flask_app.app_context():
        _db.engine.dispose()


def _table_names():
    return [table.name for table in reversed(_db.metadata.sorted_tables)]


# What the database holds besides the taxonomy, when a test marked `reads_shared_data(KEY)` loaded it: the next
# test marked with the same KEY reads it as it is instead of loading it again (a demo or a 2,000-petition archive
# takes seconds to load). Any other test empties the database first, which forgets it.
_shared_data = {"key": None}


@pytest.fixture(autouse=True)
def db(app, request):
    """An empty database with the default taxonomy, for every test; a test marked `reads_shared_data(KEY)` (which
    only reads) gets the data the previous test with that mark loaded, when no other test ran in between."""
    from portal.domain.taxonomy import load_taxonomy

    marker = request.node.get_closest_marker("reads_shared_data")
    with app.app_context():
        if marker is None or _shared_data["key"] != marker.args[0]:
            _empty_database()
            load_taxonomy(_db.session)
            _db.session.commit()
        limiter.reset()
        yield _db
        _db.session.remove()


def shared_data_loaded(request) -> bool:
    """In a fixture that loads data for a `reads_shared_data(KEY)` test: whether that data is already there. A test
    without the mark always loads its own."""
    marker = request.node.get_closest_marker("reads_shared_data")
    return marker is not None and _shared_data["key"] == marker.args[0]


def shared_data_now_loaded(request) -> None:
    """Called by such a fixture once it has loaded and committed the data."""
    marker = request.node.get_closest_marker("reads_shared_data")
    _shared_data["key"] = marker.args[0] if marker is not None else None


def _empty_database():
    _shared_data["key"] = None
    _db.session.remove()
    with _db.engine.begin() as connection:
        if BACKEND == "postgresql":
            tables = ", ".join(f'"{name}"' for name in _table_names())
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        else:
            for name in _table_names():
                connection.execute(text(f'DELETE FROM "{name}"'))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_token(html: str) -> str:
    """The CSRF token of the first form in a page, as a browser would send it back."""
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


def form_post(client, url: str, data: dict, page_url: str | None = None, **kwargs):
    """GET the page, then POST its form with the real CSRF token, like a browser."""
    page = client.get(page_url or url)
    payload = {"csrf_token": csrf_token(page.get_data(as_text=True)), **data}
    submission = re.search(r'name="submission_token"[^>]*value="([^"]*)"', page.get_data(as_text=True))
    if submission and "submission_token" not in data:
        payload["submission_token"] = submission.group(1)
    return client.post(url, data=payload, **kwargs)


class FormReader(HTMLParser):
    """What a browser sends for a page's form: every input and textarea, each select's selected option (or its first
    option when none is marked selected, which is how a form silently resets a dropdown)."""

    def __init__(self, form_id="edit-form"):
        super().__init__()
        self.form_id, self.inside, self.values, self.select, self.first_option = form_id, False, {}, None, None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.values[self.textarea] = ""
        elif tag == "select":
            self.select, self.first_option = attrs["name"], None
        elif tag == "option" and self.select:
            if self.first_option is None:
                self.first_option = attrs.get("value", "")
                self.values.setdefault(self.select, self.first_option)
            if "selected" in attrs:
                self.values[self.select] = attrs.get("value", "")

    def handle_data(self, data):
        if self.inside and self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            text = self.values[self.textarea]  # a browser drops the one newline that may follow <textarea>
            self.values[self.textarea] = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def browser_form(client, url: str, form_id: str = "edit-form") -> dict:
    """The fields a browser would send for the form `form_id` of the page, untouched."""
    reader = FormReader(form_id)
    reader.feed(client.get(url).get_data(as_text=True))
    assert reader.values, f"the page has no form #{form_id}"
    return reader.values


@pytest.fixture
def make_user(db):
    """Create a staff account: make_user("agency_officer", agency="SO-XD")."""
    from portal.models import Agency, User

    def factory(role: str, agency: str | None = None, email: str | None = None, password: str = "mật-khẩu-thử-123",
                full_name: str = "Cán Bộ Thử"):
        user = User(email=email or f"{role}.{uuid.uuid4().hex[:6]}@test.gov.vn", full_name=full_name, role=role,
                    agency=db.session.query(Agency).filter_by(code=agency).one() if agency else None)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        user.plain_password = password
        return user

    return factory


def login(client, user) -> None:
    response = form_post(client, "/dang-nhap/", {"email": user.email, "password": user.plain_password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


@pytest.fixture
def login_as(client, make_user):
    """A test client signed in with a fresh account of the given role."""

    def factory(role: str, agency: str | None = None):
        user = make_user(role, agency)
        login(client, user)
        return user

    return factory


VALID_CONTENT = ("Đường Nguyễn Văn Linh đoạn gần chợ có nhiều ổ gà sâu, trời mưa đọng nước, "
                 "xe máy đi qua rất nguy hiểm. Đề nghị sửa chữa sớm.")


@pytest.fixture
def petition_factory(db):
    """Create a petition by the intake road, as any channel would, routed as the intake worker would route it:
    petition_factory(category="giao-thong"); with triage=True it waits for the coordinator."""
    from portal.domain.intake import receive, route_pending
    from portal.domain.petitions import PetitionDraft
    from portal.models import Petition

    def factory(content: str = VALID_CONTENT, triage: bool = False, **fields):
        fields.setdefault("province_code", "48")
        fields.setdefault("ward_code", "20257")
        fields.setdefault("category_code", fields.pop("category", "giao-thong"))
        receipt = receive(db.session, PetitionDraft(content=content, **fields), triage=triage)
        db.session.commit()
        route_pending(db.session, ids=[receipt.petition_id])
        petition = db.session.get(Petition, receipt.petition_id)
        petition.plain_secret = receipt.secret
        return petition

    return factory


class _ServerThread(threading.Thread):
    def __init__(self, app):
        super().__init__(daemon=True)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port

    def run(self):
        self.server.serve_forever()


@pytest.fixture(scope="session")
def live_server(app):
    """The real app served over HTTP on a free port, for the browser tests."""
    thread = _ServerThread(app)
    thread.start()
    yield f"http://127.0.0.1:{thread.port}"
    thread.server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright; no browser is downloaded."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = "/usr/bin/chromium"
    if not os.path.exists(executable):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
