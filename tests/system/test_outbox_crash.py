"""The outbox's delivering process killed (SIGKILL) after the receiver took a webhook and before the outbox recorded
it: nothing is lost, nobody else sends it while the dead process's lease lasts, then it is sent again with the same
delivery id, and never a third time. Real processes (`flask outbox deliver`), a real receiver, a database of its
own."""
import json
import threading
import time
from datetime import datetime, timedelta

import pytest

from portal.domain.calendar import utcnow
from tests.http_receiver import Receiver
from tests.system.test_crash_and_two_servers import database, query  # noqa: F401 (fixture)
from tests.system.warm import WarmFlask, as_datetime

pytestmark = pytest.mark.system
# The lease only has to outlast the gap between the kill and the next run of a process already started (WarmFlask):
# the test checks that this run came within the recorded lease and the next one after it, not the wall clock.
LEASE_SECONDS = 5

SETUP = """
from portal.domain.intake import receive, route_pending
from portal.domain.outbox import add_webhook
from portal.domain.petitions import PetitionDraft
from portal.extensions import db
with app.app_context():
    add_webhook(db.session, argv[0], "petition.routed", app.config["SECRET_KEY"])
    db.session.commit()
    receipt = receive(db.session, PetitionDraft(
        content="Đèn đường tổ 5 tắt hơn hai tuần, buổi tối rất tối, đề nghị sửa.", category_code="giao-thong",
        province_code="48", ward_code="20257"))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
"""


def outbox_rows(url: str) -> list:
    return query(url, "SELECT status, attempts, delivery_id FROM outbox_message WHERE channel = 'webhook'")


def lease_end(url: str) -> datetime:
    """The end of the lease the claim recorded (the message's next attempt): nobody may send it before."""
    return as_datetime(query(url, "SELECT next_attempt_at FROM outbox_message WHERE channel = 'webhook'")[0][0])


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
    # Both `flask` processes load the application now, so the lease is measured from the kill, not from a start-up.
    doomed, other = (WarmFlask(url, FLASK_OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS)) for _ in range(2))
    try:
        other.script(SETUP, receiver.url)
        [(status, attempts, delivery_id)] = outbox_rows(url)
        assert (status, attempts) == ("pending", 0)

        before_claim = utcnow()
        doomed.send("outbox", "deliver")
        assert held.wait(60), doomed.process.stdout.read()[-3000:]
        doomed.kill()  # SIGKILL: the receiver has the body; the outbox has not recorded it
        release.set()
        assert outbox_rows(url) == [("pending", 1, delivery_id)]
        leased_until = lease_end(url)
        lease = timedelta(seconds=LEASE_SECONDS)
        assert before_claim + lease <= leased_until < utcnow() + lease  # the claim recorded the lease it was given

        within_lease = other.run("outbox", "deliver")
        assert within_lease["at"] < leased_until, "the machine took the whole lease to start a command"
        assert within_lease["output"] == "" and len(receiver.received) == 1  # nobody sends it while the lease lasts
        time.sleep(max(0.0, (leased_until - utcnow()).total_seconds() + 0.2))
        after_lease = other.run("outbox", "deliver")
        assert after_lease["at"] >= leased_until
        assert "Outbox: 1 sent" in after_lease["output"], after_lease
        assert other.run("outbox", "deliver")["output"] == ""  # never a third time
    finally:
        release.set()
        receiver.stop()
        doomed.kill()
        other.close()
    assert outbox_rows(url) == [("sent", 2, delivery_id)]
    assert [r.headers["X-Portal-Delivery"] for r in receiver.received] == [delivery_id, delivery_id]
    assert json.loads(receiver.received[0].body) == json.loads(receiver.received[1].body)
