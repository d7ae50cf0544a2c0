"""The mail server, the SMS gateway and a webhook receiver down for hours: `flask outbox deliver` (run by cron, here
at simulated moments hours apart) loses nothing, waits longer after each failure (60 s doubling up to an hour), shows
each message with its attempts and last error on the administrators' outbox page, and once the receivers are back
delivers each message exactly once, the webhook with its delivery id. Real processes (WarmFlask, whose test-only
clock sets the moment of each run), a real SMTP server (aiosmtpd) and real HTTP receivers, a database of its own."""
from datetime import timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from portal.domain.calendar import utcnow
from tests.http_receiver import Receiver, free_port
from tests.system.test_crash_and_two_servers import database, query  # noqa: F401 (fixture)
from tests.system.warm import WarmFlask, as_datetime

pytestmark = pytest.mark.system
BASE, CAP = timedelta(seconds=60), timedelta(hours=1)  # the retry policy's defaults (config.py)
DOWN_FOR = timedelta(hours=3)  # long enough for the wait to reach its cap

SETUP = """
from portal.domain.admin import add_user
from portal.domain.intake import receive, route_pending
from portal.domain.outbox import add_webhook
from portal.domain.petitions import PetitionDraft
from portal.extensions import db
with app.app_context():
    add_webhook(db.session, argv[0], "petition.routed", app.config["SECRET_KEY"])
    db.session.commit()
    receipt = receive(db.session, PetitionDraft(
        content="Đèn đường tổ 5 tắt hơn hai tuần, buổi tối rất tối, đề nghị sửa.", category_code="giao-thong",
        province_code="48", ward_code="20257", reporter_name="Nguyễn Văn An", reporter_phone="0905123456",
        reporter_email="an@example.vn"))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
    print(add_user(db.session, "quantri@example.vn", "Quản Trị", "admin", None)[1])
    db.session.commit()
"""


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def pending(url: str) -> dict[str, tuple]:
    """channel -> (status, attempts, next attempt, last error, delivery id), one message per channel."""
    rows = query(url, "SELECT channel, status, attempts, next_attempt_at, last_error, delivery_id FROM outbox_message")
    assert sorted(row[0] for row in rows) == ["email", "sms", "webhook"], rows
    return {row[0]: (row[1], row[2], as_datetime(row[3]), row[4], row[5]) for row in rows}


def test_receivers_down_for_hours_lose_nothing_back_off_show_to_admins_and_get_each_message_once(database):
    url = database
    hook, gateway, mail_port = Receiver(), Receiver().start(), free_port()  # the webhook's port refuses for now
    gateway.answers = [500] * 100
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=mail_port)
    cron = WarmFlask(url, FLASK_SMS_GATEWAY_URL=gateway.url, FLASK_MAIL_ENABLED="true",
                     FLASK_MAIL_SERVER="127.0.0.1", FLASK_MAIL_PORT=str(mail_port))
    try:
        password = cron.script(SETUP, hook.url).split()[-1]
        ids = {channel: row[4] for channel, row in pending(url).items()}

        now, waits = utcnow() + timedelta(seconds=1), []
        down_until = now + DOWN_FOR
        while now < down_until:
            if waits:  # nothing is tried before it is due
                before = pending(url)
                assert cron.run("outbox", "deliver", now=now - timedelta(seconds=1))["output"] == ""
                assert pending(url) == before
            run = cron.run("outbox", "deliver", now=now)
            assert "Outbox: 0 sent, 3 to retry, 0 failed permanently." in run["output"], run["output"]
            after = pending(url)
            assert {status for status, *_ in after.values()} == {"pending"}  # nothing lost, nothing given up
            assert len({next_at for _, _, next_at, _, _ in after.values()}) == 1
            waits.append(after["webhook"][2] - now)
            now = after["webhook"][2]
        attempts = len(waits)
        assert waits == [min(CAP, BASE * 2 ** n) for n in range(attempts)]  # 1, 2, 4 ... 32 min, then each hour
        assert {row[1] for row in pending(url).values()} == {attempts}
        errors = {channel: row[3] for channel, row in pending(url).items()}
        assert "refused" in errors["webhook"].lower() and "500" in errors["sms"] and errors["email"]

        page = cron.page("/quan-tri/hop-thu-di", "quantri@example.vn", password)
        assert page["status"] == 200
        for channel, delivery_id in ids.items():
            assert delivery_id in page["output"]
        assert page["output"].count(f"{attempts} lần gửi") == 3
        assert "refused" in page["output"].lower() and "SMS gateway answered 500" in page["output"]

        hook.start()  # all three are back
        gateway.answers = []
        smtp.start()
        back = cron.run("outbox", "deliver", now=now)
        assert "Outbox: 3 sent, 0 to retry, 0 failed permanently." in back["output"], back["output"]
        for later in (now + timedelta(hours=1), now + timedelta(days=1)):
            assert cron.run("outbox", "deliver", now=later)["output"] == ""
    finally:
        cron.close()
        hook.stop()
        gateway.stop()
        if smtp.server_coro is not None or getattr(smtp, "_thread", None) is not None:
            smtp.stop()

    assert {status for status, *_ in pending(url).values()} == {"sent"}
    assert [r.headers["X-Portal-Delivery"] for r in hook.received] == [ids["webhook"]]  # exactly once
    assert len(gateway.received) == attempts + 1  # every refused try, then the one taken
    assert len({r.body for r in gateway.received}) == 1  # the same text each time
    [mail] = mailbox.messages
    assert ids["email"] in mail["Message-ID"]
