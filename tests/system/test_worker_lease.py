"""The intake worker killed (SIGKILL) in the middle of a batch: the petitions it held go back to the queue at once,
since its claim is its routing transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite) and
dies with its connection; the next worker routes every petition exactly once. A real `flask intake work` process,
on a database of its own (SQLite file, or a new database on the TEST_DATABASE_URL server)."""
import signal
import subprocess
import sys
import time

import pytest

from tests.system.test_crash_and_two_servers import ROOT, database, query, server_env, wait_until_routed  # noqa: F401

pytestmark = pytest.mark.system
WAITING = 30
BATCH = 10
SLOW = 0.3  # seconds before each petition of a batch (PORTAL_TEST_SLOW_ROUTING_SECONDS): a batch takes 3 s

QUEUE = """
import sys
from wsgi import app
from portal.domain.intake import receive
from portal.domain.petitions import PetitionDraft
from portal.extensions import db
with app.app_context():
    for n in range(int(sys.argv[1])):
        content = f"Đèn đường ở tổ {n} tắt hơn hai tuần nay, đề nghị sửa chữa sớm."
        receive(db.session, PetitionDraft(content=content, category_code="giao-thong", province_code="48",
                                          ward_code="20257"))
    db.session.commit()
"""


def queue_petitions(url: str, count: int) -> None:
    """Petitions accepted and waiting for the worker, as requests leave them when INTAKE_ROUTING is "worker"."""
    done = subprocess.run([sys.executable, "-c", QUEUE, str(count)], env=server_env(url), cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]


def start_worker(url: str, log, **extra) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "intake", "work", "--batch", str(BATCH),
                             "--poll", "0.1"], env=server_env(url, **extra), cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT)


def routed(url: str) -> int:
    return query(url, "SELECT count(*) FROM petition WHERE intake_step IS NULL")[0][0]


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def test_a_worker_killed_mid_batch_leaves_its_petitions_to_the_next_which_routes_each_once(database, tmp_path):
    queue_petitions(database, WAITING)
    with open(tmp_path / "worker.log", "wb") as log:
        first = start_worker(database, log, PORTAL_TEST_SLOW_ROUTING_SECONDS=str(SLOW))
        try:
            wait_for(lambda: routed(database) >= BATCH)  # the first batch is committed; the second has begun
            time.sleep(SLOW * 4)
            first.send_signal(signal.SIGKILL)
            first.wait()
        finally:
            first.kill()
        # The batch in hand was undone whole: none of it routed, none half-routed.
        assert routed(database) == BATCH, (tmp_path / "worker.log").read_text()[-3000:]
        second = start_worker(database, log)
        try:
            assert wait_until_routed(database, timeout=120) == 0, (tmp_path / "worker.log").read_text()[-3000:]
        finally:
            second.terminate()
            second.wait(timeout=30)
    per_petition = query(database, "SELECT p.id, (SELECT count(*) FROM petition_event e WHERE e.petition_id = p.id "
                                   "AND e.to_status = 'assigned'), (SELECT count(*) FROM assignment a "
                                   "WHERE a.petition_id = p.id) FROM petition p")
    assert len(per_petition) == WAITING
    assert all(assigned == 1 and assignments == 1 for _, assigned, assignments in per_petition), per_petition
    beats = query(database, "SELECT name FROM worker_heartbeat")
    assert beats and beats[0][0].startswith("intake@")
