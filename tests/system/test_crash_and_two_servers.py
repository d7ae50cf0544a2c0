"""The production server under faults: a worker killed mid-load loses nothing, and two servers on one PostgreSQL
share codes, sessions and rate limits. Each test starts real gunicorn processes, as `make run` does, on a
database of its own."""
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.conftest import BACKEND, _postgres_test_database

pytestmark = pytest.mark.system
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CONTENT = "Đường kiệt {n} bị ngập sâu sau mỗi trận mưa lớn, người dân đi lại rất khó khăn, đề nghị khơi thông cống."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database(tmp_path):
    """A migrated database with the taxonomy, apart from the suite's own."""
    if BACKEND == "postgresql":
        url, drop = _postgres_test_database(os.environ["TEST_DATABASE_URL"])
    else:
        url, drop = f"sqlite:///{tmp_path}/portal.sqlite3", (lambda: None)
    env = server_env(url)
    for command in (["db", "upgrade"], ["load-taxonomy"]):
        subprocess.run([BIN / "flask", *command], env=env, cwd=ROOT, check=True, capture_output=True)
    yield url
    drop()


def server_env(url: str, **extra) -> dict:
    return {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "system-test-secret", "FLASK_APP": "wsgi.py",
            "FLASK_CLASSIFIER_WARM_UP": "false", "FLASK_RATELIMIT_ENABLED": "false", **extra}


class Server:
    """gunicorn as `make run` starts it, on a free port."""

    def __init__(self, url: str, workers: int = 2, **extra):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [BIN / "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
            env=server_env(url, **extra), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/api/v1/openapi.json", timeout=10).ok:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def submit(base: str, key: str, n: int) -> tuple[int, str | None]:
    """POST one petition; (status, code). A dropped connection is status 0."""
    try:
        response = requests.post(base + "/api/v1/petitions", json={"content": CONTENT.format(n=n)},
                                 headers={"Idempotency-Key": key}, timeout=30)
    except requests.RequestException:
        return 0, None
    return response.status_code, (response.json().get("code") if response.status_code == 201 else None)


def stored(url: str) -> dict[str, int]:
    """Every petition code with its number of events."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT p.code, count(e.id) FROM petition p "
                                       "LEFT JOIN petition_event e ON e.petition_id = p.id GROUP BY p.code")).all()
    engine.dispose()
    return dict(rows)


def test_a_worker_killed_mid_load_loses_no_accepted_petition(database):
    server = Server(database)
    results: dict[str, tuple[int, str | None]] = {}
    sent = threading.Semaphore(0)

    def client(thread: int):
        for i in range(40):
            key = f"crash-{thread}-{i}-{uuid.uuid4().hex[:6]}"
            results[key] = submit(server.base, key, thread * 100 + i)
            sent.release()

    threads = [threading.Thread(target=client, args=(t,)) for t in range(4)]
    try:
        for thread in threads:
            thread.start()
        for _ in range(30):
            sent.acquire()
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)  # mid-load: other requests are in flight on this worker
        for thread in threads:
            thread.join()
        failed = [key for key, (status, _) in results.items() if status != 201]
        for key in failed:  # the client's retry, with the same key: it must not make a second petition
            results[key] = submit(server.base, key, 0)
        replaced = server.workers()
    finally:
        server.stop()
    assert victim not in replaced and len(replaced) == 2  # gunicorn replaced the killed worker
    codes = [code for status, code in results.values() if status == 201]
    assert len(results) == 160 and len(codes) == 160, [s for s, _ in results.values() if s != 201]
    in_database = stored(database)
    assert set(in_database) == set(codes)  # every 201 is stored, and nothing else is
    assert len(set(codes)) == len(codes)  # a retried key returned the petition it had made, not a new one
    assert all(events >= 1 for events in in_database.values())  # each with its timeline


@pytest.fixture
def memcached():
    binary = "/usr/bin/memcached"
    if not os.path.exists(binary):
        pytest.fail("memcached is missing: `make test` installs Debian's memcached package")
    port = free_port()
    process = subprocess.Popen([binary, "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-u", "nobody"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    yield f"memcached://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.skipif(BACKEND != "postgresql", reason="several app servers share PostgreSQL, not an SQLite file")
def test_two_servers_on_one_postgresql_share_codes_sessions_and_rate_limits(database, memcached):
    from portal import create_app
    from portal.domain.admin import add_user
    from portal.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database.replace("postgresql://", "postgresql+psycopg://"),
                      "CLASSIFIER_WARM_UP": False})
    with app.app_context():
        user, password = add_user(db.session, "dieuphoi@vp.gov.vn", "Điều Phối", "coordinator", "VP-UBND")
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    limits = {"FLASK_RATELIMIT_ENABLED": "true", "FLASK_RATELIMIT_STORAGE_URI": memcached,
              "FLASK_RATELIMIT_PUBLIC_POST": "1000 per minute"}
    a, b = Server(database, **limits), Server(database, **limits)
    try:
        results = []
        lock = threading.Lock()

        def client(thread: int):
            for i in range(25):
                outcome = submit((a, b)[(thread + i) % 2].base, uuid.uuid4().hex, thread * 100 + i)
                with lock:
                    results.append(outcome)

        threads = [threading.Thread(target=client, args=(t,)) for t in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        codes = [code for status, code in results if status == 201]
        assert len(codes) == 150 and len(set(codes)) == 150
        assert set(stored(database)) == set(codes)

        # A session signed in on A is valid on B (signed cookies, one SECRET_KEY).
        browser = requests.Session()
        login_page = browser.get(a.base + "/dang-nhap/").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
        signed_in = browser.post(a.base + "/dang-nhap/", data={"csrf_token": token, "email": "dieuphoi@vp.gov.vn",
                                                               "password": password}, allow_redirects=False)
        assert signed_in.status_code == 302
        assert browser.get(b.base + "/co-quan/dieu-phoi", allow_redirects=False).status_code == 200
        assert requests.get(b.base + "/co-quan/dieu-phoi", allow_redirects=False).status_code == 302
    finally:
        a.stop()
        b.stop()

    # Rate limits count across both servers: 5 a minute in all, not 5 on each.
    tight = {**limits, "FLASK_RATELIMIT_PUBLIC_POST": "5 per minute"}
    a, b = Server(database, workers=1, **tight), Server(database, workers=1, **tight)
    try:
        statuses = [requests.post((a, b)[i % 2].base + "/api/v1/petitions", json={}, timeout=10).status_code
                    for i in range(8)]
    finally:
        a.stop()
        b.stop()
    assert statuses[:5] == [422] * 5 and statuses[5:] == [429] * 3


def test_rate_limits_see_the_citizen_behind_the_proxy_only_when_told_to(database):
    def statuses(server, addresses):
        return [requests.post(server.base + "/api/v1/petitions", json={}, timeout=10,
                              headers={"X-Forwarded-For": address}).status_code for address in addresses]

    tight = {"FLASK_RATELIMIT_ENABLED": "true", "FLASK_RATELIMIT_PUBLIC_POST": "3 per minute"}
    behind_nginx = Server(database, workers=1, FLASK_PROXY_COUNT="1", **tight)
    try:  # one citizen is limited; the next one, behind the same proxy, is not
        assert statuses(behind_nginx, ["203.0.113.7"] * 4 + ["203.0.113.8"]) == [422, 422, 422, 429, 422]
    finally:
        behind_nginx.stop()
    facing_the_network = Server(database, workers=1, **tight)
    try:  # without a proxy, a forged header does not buy a fresh allowance
        assert statuses(facing_the_network, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) \
            == [422, 422, 422, 429]
    finally:
        facing_the_network.stop()
