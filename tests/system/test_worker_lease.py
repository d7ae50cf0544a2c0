"""The intake worker killed (SIGKILL) in the middle of a batch: the petitions it held go back to the queue at once,
since its claim is its routing transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite) and
dies with its connection; the next worker routes every petition exactly once. Real processes running
`flask intake work` (tests/system/warm.py), on a database of its own (SQLite file, or a new database on the
TEST_DATABASE_URL server). The code before issue 22 passed it too: its claim never outlived its transaction, so
there was no fault to show; the test keeps it that way."""
import signal
import time

import pytest

from tests.system.test_crash_and_two_servers import database, query, routing_failures, wait_until_routed  # noqa: F401
from tests.system.warm import WarmFlask

pytestmark = pytest.mark.system
WAITING = 30
BATCH = 10
SLOW = 0.3  # seconds before each petition of a batch (PORTAL_TEST_SLOW_ROUTING_SECONDS): a batch takes 3 s

QUEUE = """
from portal.domain.intake import receive
from portal.domain.petitions import PetitionDraft
from portal.extensions import db
with app.app_context():
    for n in range(int(argv[0])):
        content = f"Đèn đường ở tổ {n} tắt hơn hai tuần nay, đề nghị sửa chữa sớm."
        receive(db.session, PetitionDraft(content=content, category_code="giao-thong", province_code="48",
                                          ward_code="20257"))
    db.session.commit()
"""
WORK = ("intake", "work", "--batch", str(BATCH), "--poll", "0.1")


def routed(url: str) -> int:
    return query(url, "SELECT count(*) FROM petition WHERE intake_step IS NULL")[0][0]


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def test_a_worker_killed_mid_batch_leaves_its_petitions_to_the_next_which_routes_each_once(database):
    # Both workers load the application at once; the second only starts working when it is told to.
    first, second = WarmFlask(database, PORTAL_TEST_SLOW_ROUTING_SECONDS=str(SLOW)), WarmFlask(database)
    try:
        second.script(QUEUE, str(WAITING))  # accepted and waiting, as requests leave them (INTAKE_ROUTING=worker)
        first.send(*WORK)
        wait_for(lambda: routed(database) >= BATCH)  # the first batch is committed; the second has begun
        time.sleep(SLOW * 4)
        first.kill()  # SIGKILL
        # The batch in hand was undone whole: none of it routed, none half-routed.
        assert routed(database) == BATCH
        second.send(*WORK)
        assert wait_until_routed(database, timeout=120) == 0  # none stuck
        second.process.send_signal(signal.SIGTERM)  # it finishes its batch and stops
        assert second.result()["code"] == 0
    finally:
        first.kill()
        second.close()
    per_petition = query(database, "SELECT p.id, p.status, p.intake_step, (SELECT count(*) FROM petition_event e "
                                   "WHERE e.petition_id = p.id AND e.to_status = 'assigned'), (SELECT count(*) FROM "
                                   "assignment a WHERE a.petition_id = p.id) FROM petition p")
    assert len(per_petition) == WAITING
    # Each routed exactly once: one routing event and one assignment, none left waiting or sent to triage.
    assert {row[1:] for row in per_petition} == {("assigned", None, 1, 1)}, per_petition
    assert routing_failures(database) == 0
    beats = query(database, "SELECT name FROM worker_heartbeat")
    assert beats and beats[0][0].startswith("intake@")
