"""The outbox's delivering process killed (SIGKILL) after the receiver took a webhook and before the outbox recorded
it: nothing is lost, nobody else sends it while the dead process's lease lasts, then it is sent again with the same
delivery id, and never a third time. Real processes (`flask outbox deliver`), a real receiver, a database of its
own."""
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from tests.http_receiver import Receiver
from tests.system.test_crash_and_two_servers import ROOT, database, query, server_env  # noqa: F401 (fixture)

pytestmark = pytest.mark.system
LEASE_SECONDS = 30  # longer than a `flask` process takes to start on a busy machine

SETUP = """
import sys
from wsgi import app
from portal.domain.intake import receive, route_pending
from portal.domain.outbox import add_webhook
from portal.domain.petitions import PetitionDraft
from portal.extensions import db
with app.app_context():
    add_webhook(db.session, sys.argv[1], "petition.routed", app.config["SECRET_KEY"])
    db.session.commit()
    receipt = receive(db.session, PetitionDraft(content="Đèn đường tổ 5 tắt hơn hai tuần, buổi tối rất tối, đề nghị sửa.",
                                                category_code="giao-thong", province_code="48", ward_code="20257"))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
"""


def deliver(url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flask", "outbox", "deliver"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env=server_env(url, FLASK_OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS)))


def outbox_rows(url: str) -> list:
    return query(url, "SELECT status, attempts, delivery_id FROM outbox_message WHERE channel = 'webhook'")


def test_a_worker_killed_between_sending_and_recording_repeats_the_message_once_with_its_delivery_id(database):
    url = database
    receiver = Receiver()
    held, release = threading.Event(), threading.Event()

    def hold_the_first():
        if not held.is_set():
            held.set()
            release.wait(30)

    receiver.before_answer = hold_the_first
    receiver.start()
    try:
        done = subprocess.run([sys.executable, "-c", SETUP, receiver.url], cwd=ROOT, env=server_env(url),
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]
        [(status, attempts, delivery_id)] = outbox_rows(url)
        assert (status, attempts) == ("pending", 0)

        worker = deliver(url)
        assert held.wait(60), worker.communicate(timeout=5)[0]
        claimed_at = time.monotonic()
        os.kill(worker.pid, signal.SIGKILL)  # the receiver has the body; the outbox has not recorded it
        worker.wait()
        release.set()
        assert outbox_rows(url) == [("pending", 1, delivery_id)]

        within_lease = deliver(url).communicate(timeout=60)[0]
        if time.monotonic() - claimed_at < LEASE_SECONDS:  # it ran (and claimed) while the lease lasted
            assert within_lease == "" and len(receiver.received) == 1
        time.sleep(max(0.0, claimed_at + LEASE_SECONDS + 1 - time.monotonic()))
        output = deliver(url).communicate(timeout=60)[0]
        assert "Outbox: 1 sent" in output, output
        assert deliver(url).communicate(timeout=60)[0] == ""
    finally:
        release.set()
        receiver.stop()
    assert outbox_rows(url) == [("sent", 2, delivery_id)]
    assert [r.headers["X-Portal-Delivery"] for r in receiver.received] == [delivery_id, delivery_id]
    assert json.loads(receiver.received[0].body) == json.loads(receiver.received[1].body)
