"""The production server under faults: a worker killed mid-load loses nothing and half-stores nothing, and two
servers on one PostgreSQL share petition codes, sessions, rate limits and the optimistic lock. Each test starts
real gunicorn processes, as `make run` does, on a database of its own (an SQLite file, or a new database on the
TEST_DATABASE_URL server, dropped at the end)."""
import json
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
SECRET_KEY = "system-test-secret"
TEXTS = (
    "Đường kiệt {n} bị ngập sâu sau mỗi trận mưa lớn, người dân đi lại rất khó khăn, đề nghị khơi thông cống.",
    "Đèn đường ở tổ {n} tắt hơn hai tuần nay, buổi tối rất tối, đề nghị cơ quan chức năng sửa chữa sớm.",
    "Bãi rác tự phát gần khu dân cư số {n} bốc mùi hôi thối, ruồi muỗi nhiều, mong được thu gom xử lý.",
    "Quán karaoke ở thôn {n} mở nhạc to đến nửa đêm, ảnh hưởng giấc ngủ của người già và trẻ nhỏ.",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(url: str, **extra) -> dict:
    # The classifier loads on first use instead of at the server's start: the servers come up faster. The master
    # runs the intake worker, as `make run` asks it to (PORTAL_INTAKE_WORKER=1).
    return {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET_KEY, "FLASK_APP": "wsgi.py",
            "FLASK_CLASSIFIER_WARM_UP": "false", "FLASK_RATELIMIT_ENABLED": "false", "PORTAL_INTAKE_WORKER": "1",
            **extra}


SEED = """
import json, sys
from flask_migrate import upgrade
from wsgi import app
from portal.domain.admin import add_user
from portal.domain.api_keys import create_key
from portal.domain.taxonomy import load_taxonomy
from portal.extensions import db
wanted = json.loads(sys.argv[1])
out = {"users": {}, "keys": []}
with app.app_context():
    if wanted.get("migrate"):
        upgrade()
        load_taxonomy(db.session)
    for email, role, agency in wanted.get("users", []):
        out["users"][email] = add_user(db.session, email, "Cán Bộ Thử", role, agency)[1]
    for index in range(wanted.get("keys", 0)):
        out["keys"].append(create_key(db.session, f"system-{index}", "operator")[1])
    db.session.commit()
print(json.dumps(out))
"""


def seed(url: str, **wanted) -> dict:
    """In a process of its own, as `flask db upgrade` + `flask load-taxonomy` would (migrate=True), then accounts
    (with their generated passwords) and operator API keys."""
    done = subprocess.run([sys.executable, "-c", SEED, json.dumps(wanted)], env=server_env(url), cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def database(tmp_path):
    """A migrated database with the taxonomy, apart from the suite's own."""
    if BACKEND == "postgresql":
        url, drop = _postgres_test_database(os.environ["TEST_DATABASE_URL"])
    else:
        url, drop = f"sqlite:///{tmp_path}/portal.sqlite3", (lambda: None)
    try:
        seed(url, migrate=True)
        yield url
    finally:
        drop()


def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid`, read from /proc (field 4 of /proc/N/stat is the parent's pid)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def is_intake_worker(pid: int) -> bool:
    try:
        return b"intake" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def wait_until_routed(url: str, timeout: float = 120) -> int:
    """Wait for the intake worker to empty its queue; returns how many petitions still wait."""
    deadline = time.time() + timeout
    while True:
        waiting = query(url, "SELECT count(*) FROM petition WHERE intake_step IS NOT NULL")[0][0]
        if not waiting or time.time() > deadline:
            return waiting
        time.sleep(0.2)


def routing_failures(url: str) -> int:
    """Petitions the intake worker gave up on and sent to triage (it logs why)."""
    from portal.domain.intake import ROUTING_FAILED_NOTE

    return query(url, "SELECT count(*) FROM petition_event WHERE note = :note", note=ROUTING_FAILED_NOTE)[0][0]


class Server:
    """gunicorn as `make run` starts it (`PORTAL_INTAKE_WORKER=1 gunicorn --workers N --bind 127.0.0.1:PORT
    wsgi:app`), on a free port."""

    def __init__(self, url: str, log: Path, workers: int = 2, **extra):
        self.port, self.workers_wanted, self.log = free_port(), workers, log
        self.base = f"http://127.0.0.1:{self.port}"
        env = server_env(url, **extra)
        self.runs_intake_worker = env["PORTAL_INTAKE_WORKER"] == "1"
        with open(log, "wb") as handle:
            self.process = subprocess.Popen(
                [BIN / "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
                env=env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)

    def wait_ready(self) -> "Server":
        """Until a worker answers and the master's children are what was asked for. The intake worker is waited
        for too: until it has exec'd `flask intake work`, its process is a copy of the master (same command line)
        and would pass for a request worker, so workers() could name it, or miss one still to come."""
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(self.base + "/api/v1/openapi.json", timeout=10).ok \
                        and (not self.runs_intake_worker or self.intake_worker() is not None) \
                        and len(self.workers()) == self.workers_wanted:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start:\n{self.log.read_text()[-3000:]}")

    def workers(self) -> list[int]:
        """gunicorn's request workers (the master's other child is the intake worker)."""
        return [pid for pid in children_of(self.process.pid) if not is_intake_worker(pid)]

    def intake_worker(self) -> int | None:
        found = [pid for pid in children_of(self.process.pid) if is_intake_worker(pid)]
        return found[0] if found else None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def post_petition(base: str, body: dict, key: str | None = None, api_key: str | None = None) -> tuple[int, dict]:
    """POST one petition; (status, JSON body). A dropped connection is status 0."""
    headers = {"Idempotency-Key": key} if key else {}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    try:
        response = requests.post(base + "/api/v1/petitions", json=body, headers=headers, timeout=60)
    except requests.RequestException as error:
        return 0, {"error": repr(error)}
    try:
        return response.status_code, response.json()
    except ValueError:
        return response.status_code, {}


def body_for(n: int) -> dict:
    body = {"content": TEXTS[n % len(TEXTS)].format(n=n), "location": {"province_code": "48", "ward_code": "20257"}}
    if n % 2:
        body["category"] = "giao-thong"
    return body


def query(url: str, sql: str, **params) -> list:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).all()
    finally:
        engine.dispose()


def test_a_worker_killed_mid_load_loses_no_accepted_petition_and_half_stores_none(database, tmp_path):
    server = Server(database, tmp_path / "gunicorn.log").wait_ready()
    attempts: dict[str, tuple[dict, int, dict]] = {}  # idempotency key -> (body, status, answer)
    answered = threading.Semaphore(0)

    def citizen(thread: int):
        for i in range(50):
            key, body = f"crash-{thread}-{i}-{uuid.uuid4().hex[:8]}", body_for(thread * 1000 + i)
            status, answer = post_petition(server.base, body, key)
            attempts[key] = (body, status, answer)
            answered.release()

    threads = [threading.Thread(target=citizen, args=(t,)) for t in range(4)]
    try:
        for thread in threads:
            thread.start()
        for _ in range(40):
            answered.acquire()
        victim, intake_victim = server.workers()[0], server.intake_worker()
        os.kill(victim, signal.SIGKILL)  # mid-load: the requests this worker is serving die with it
        os.kill(intake_victim, signal.SIGKILL)  # and the intake worker, in the middle of a batch if it had one
        for thread in threads:
            thread.join()
        first_failures = [key for key, (_, status, _) in attempts.items() if status != 201]
        for key in first_failures:  # the client retries once, with the same key and body
            body = attempts[key][0]
            attempts[key] = (body, *post_petition(server.base, body, key))
        still_waiting = wait_until_routed(database)
        replaced, intake_replaced = server.workers(), server.intake_worker()
    finally:
        server.stop()

    assert victim not in replaced and len(replaced) == 2  # the master replaced the killed worker
    assert intake_replaced not in (None, intake_victim)  # and restarted the intake worker
    assert still_waiting == 0  # which then routed every accepted petition
    assert len(attempts) == 200
    not_accepted = {key: (status, answer) for key, (_, status, answer) in attempts.items() if status != 201}
    assert not not_accepted, f"after one retry: {not_accepted}"
    codes = [answer["code"] for _, _, answer in attempts.values()]
    assert len(set(codes)) == 200  # a retry returned the petition its first try had made, never a second one

    stored = query(database, "SELECT p.code, p.status, (SELECT e.to_status FROM petition_event e "
                             "WHERE e.petition_id = p.id ORDER BY e.id LIMIT 1) FROM petition p")
    assert sorted(code for code, _, _ in stored) == sorted(codes)  # every 201 is stored, and nothing else
    assert all(first_event == "received" for _, _, first_event in stored)  # each with its first event
    # Nothing half-stored: an assigned petition has its assignment and its event, every petition its key;
    # one the worker could not route confidently waits, as received, in the coordinator's triage queue.
    assigned = {code for code, status, _ in stored if status == "assigned"}
    in_triage = {code for (code,) in query(database, "SELECT code FROM petition WHERE status = 'received' "
                                                     "AND needs_triage")}
    assert assigned | in_triage == set(codes)
    assert routing_failures(database) == 0  # triage only for the classifier's doubts, never for a busy database
    with_assignment = query(database, "SELECT p.code FROM petition p JOIN assignment a ON a.petition_id = p.id "
                                      "JOIN petition_event e ON e.petition_id = p.id AND e.to_status = 'assigned' "
                                      "WHERE a.active")
    assert {code for (code,) in with_assignment} == assigned
    assert query(database, "SELECT count(*) FROM idempotency_key")[0][0] == 200


@pytest.fixture
def memcached():
    """A memcached on a free port: the rate-limit store the app servers share."""
    binary = "/usr/bin/memcached"
    if not os.path.exists(binary):
        pytest.fail("memcached is missing: `make test` installs Debian's memcached package")
    port = free_port()
    process = subprocess.Popen([binary, "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-m", "16", "-u", "nobody"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"memcached://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def sign_in(browser: requests.Session, base: str, email: str, password: str) -> None:
    page = browser.get(base + "/dang-nhap/").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = browser.post(base + "/dang-nhap/", data={"csrf_token": token, "email": email, "password": password},
                            allow_redirects=False)
    assert response.status_code == 302, response.text[:300]


def accept_form(browser: requests.Session, base: str, code: str) -> dict:
    """The item page's accept form as the browser would send it: its CSRF token and the version it was drawn from."""
    page = browser.get(f"{base}/co-quan/phan-anh/{code}", allow_redirects=False)
    assert page.status_code == 200, page.status_code
    token = re.search(r'name="(?:accept-)?csrf_token"[^>]*value="([^"]+)"', page.text).group(1)
    version = re.search(r'name="accept-version"[^>]*value="(\d+)"', page.text).group(1)
    return {"csrf_token": token, "accept-version": version}


@pytest.mark.skipif(BACKEND != "postgresql",
                    reason="several app servers share a PostgreSQL server; an SQLite file belongs to one machine")
def test_two_servers_on_one_postgresql_share_codes_sessions_rate_limits_and_the_lock(database, memcached, tmp_path):
    officers = [("canbo1@xd.gov.vn", "agency_officer", "SO-XD"), ("canbo2@xd.gov.vn", "agency_officer", "SO-XD")]
    made = seed(database, users=officers, keys=6)
    passwords, keys = made["users"], made["keys"]
    limits = {"FLASK_RATELIMIT_ENABLED": "true", "FLASK_RATELIMIT_STORAGE_URI": memcached,
              "FLASK_RATELIMIT_PUBLIC_POST": "20 per minute"}
    a, b = Server(database, tmp_path / "a.log", **limits), Server(database, tmp_path / "b.log", **limits)
    try:
        a.wait_ready(), b.wait_ready()

        # 1. Concurrent submissions to both: one key per client (15 each, under its 20 a minute), alternating servers.
        results, lock = [], threading.Lock()

        def client(index: int):
            for i in range(15):
                outcome = post_petition((a, b)[(index + i) % 2].base, body_for(index * 100 + i),
                                        uuid.uuid4().hex, api_key=keys[index])
                with lock:
                    results.append(outcome)

        threads = [threading.Thread(target=client, args=(index,)) for index in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [status for status, _ in results] == [201] * 90, results
        codes = [answer["code"] for _, answer in results]
        assert len(set(codes)) == 90
        rows = query(database, "SELECT id, code FROM petition ORDER BY id")
        assert sorted(code for _, code in rows) == sorted(codes)
        # Codes are made from the one sequence of the shared database: PA-<year>-<id>, ids one after the other.
        assert all(re.fullmatch(rf"PA-\d{{4}}-{id_:06d}", code) for id_, code in rows)
        ids = [id_ for id_, _ in rows]
        assert ids == list(range(ids[0], ids[0] + 90))
        # The two servers' intake workers share the queue (SKIP LOCKED): each petition routed once, by one of them.
        assert wait_until_routed(database) == 0
        routed = query(database, "SELECT p.code, count(a.id) FROM petition p LEFT JOIN assignment a "
                                 "ON a.petition_id = p.id GROUP BY p.code")
        triage = {code for (code,) in query(database, "SELECT code FROM petition WHERE needs_triage")}
        assert all(n == (0 if code in triage else 1) for code, n in routed), routed
        assert routing_failures(database) == 0

        # 2. A session signed in on one server is valid on the other (signed cookies, one SECRET_KEY), and so is
        # the CSRF token of a page drawn by the other.
        one, two = requests.Session(), requests.Session()
        sign_in(one, a.base, *officers[0][:1], passwords[officers[0][0]])
        sign_in(two, b.base, *officers[1][:1], passwords[officers[1][0]])
        assert one.get(b.base + "/co-quan/", allow_redirects=False).status_code == 200
        assert two.get(a.base + "/co-quan/", allow_redirects=False).status_code == 200
        assert requests.get(b.base + "/co-quan/", allow_redirects=False).status_code == 302  # no cookie, no entry

        # 3. Lost update: both officers drew the same version; the first to save wins, the second gets 409.
        status, receipt = post_petition(a.base, {**body_for(1), "category": "giao-thong"}, uuid.uuid4().hex,
                                        api_key=keys[0])
        assert status == 201 and receipt["status"] == "received"
        code = receipt["code"]
        assert wait_until_routed(database) == 0
        assert query(database, "SELECT a.code FROM petition p JOIN agency a ON a.id = p.agency_id "
                               f"WHERE p.code = '{code}'") == [("SO-XD",)]
        form_one, form_two = accept_form(one, b.base, code), accept_form(two, a.base, code)
        assert form_one["accept-version"] == form_two["accept-version"]
        first = one.post(f"{a.base}/co-quan/phan-anh/{code}/tiep-nhan", data=form_one, allow_redirects=False)
        second = two.post(f"{b.base}/co-quan/phan-anh/{code}/tiep-nhan", data=form_two, allow_redirects=False)
        assert first.status_code == 302 and second.status_code == 409
        assert "vừa được người khác cập nhật" in second.text
        # The same race sent at the same instant: the database's version check lets exactly one through.
        status, receipt = post_petition(b.base, {**body_for(3), "category": "giao-thong"}, uuid.uuid4().hex,
                                        api_key=keys[1])
        raced = receipt["code"]
        assert wait_until_routed(database) == 0
        forms = [accept_form(one, a.base, raced), accept_form(two, b.base, raced)]
        start, outcomes = threading.Barrier(2), [None, None]

        def act(index: int, browser: requests.Session, base: str):
            start.wait()
            outcomes[index] = browser.post(f"{base}/co-quan/phan-anh/{raced}/tiep-nhan", data=forms[index],
                                           allow_redirects=False)

        racers = [threading.Thread(target=act, args=(0, one, a.base)), threading.Thread(target=act, args=(1, two, b.base))]
        for racer in racers:
            racer.start()
        for racer in racers:
            racer.join()
        accepted = 0
        for browser, base, outcome in ((one, a.base, outcomes[0]), (two, b.base, outcomes[1])):
            assert outcome.status_code in (302, 409)
            if outcome.status_code == 302:  # saved, or refused by the row's version at the commit: the flash tells
                accepted += "Đã tiếp nhận xử lý" in browser.get(base + outcome.headers["Location"]).text
        assert accepted == 1
        for petition in (code, raced):
            events = query(database, "SELECT count(*) FROM petition_event e JOIN petition p ON p.id = e.petition_id "
                                     f"WHERE p.code = '{petition}' AND e.to_status = 'in_progress'")
            assert events[0][0] == 1

        # 4. Rate limits count across both servers: 20 a minute in all (alternating A, B), not 20 on each.
        statuses = [requests.post((a, b)[i % 2].base + "/api/v1/petitions", json={}, timeout=10).status_code
                    for i in range(26)]
        assert statuses == [422] * 20 + [429] * 6
    finally:
        a.stop()
        b.stop()


def test_rate_limits_see_the_citizen_behind_the_proxy_only_when_told_to(database, tmp_path):
    def statuses(server, addresses):
        return [requests.post(server.base + "/api/v1/petitions", json={}, timeout=10,
                              headers={"X-Forwarded-For": address}).status_code for address in addresses]

    tight = {"FLASK_RATELIMIT_ENABLED": "true", "FLASK_RATELIMIT_PUBLIC_POST": "3 per minute"}
    behind_nginx = Server(database, tmp_path / "proxy.log", workers=1, FLASK_PROXY_COUNT="1", **tight)
    try:  # one citizen is limited; the next one, behind the same proxy, is not
        behind_nginx.wait_ready()
        assert statuses(behind_nginx, ["203.0.113.7"] * 4 + ["203.0.113.8"]) == [422, 422, 422, 429, 422]
    finally:
        behind_nginx.stop()
    facing_the_network = Server(database, tmp_path / "direct.log", workers=1, **tight)
    try:  # without a proxy, a forged header does not buy a fresh allowance
        facing_the_network.wait_ready()
        assert statuses(facing_the_network, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) \
            == [422, 422, 422, 429]
    finally:
        facing_the_network.stop()
