"""In Chromium: an administrator finds a webhook that was given up in the outbox, reads why, and sends it again."""
import pytest
from playwright.sync_api import expect

from portal.domain.outbox import add_webhook
from portal.models import OutboxMessage
from tests.browser.test_admin_edit_and_assign_flow import sign_in
from tests.browser.test_offline_flow import shoot

pytestmark = pytest.mark.browser


def test_an_administrator_sees_a_failed_webhook_and_retries_it(page, live_server, db, make_user, petition_factory):
    add_webhook(db.session, "https://pakn.example.gov.vn/hook", "petition.routed", "test-secret-key")
    db.session.commit()
    petition_factory(category="giao-thong", reporter_email="an@example.com")
    message = db.session.query(OutboxMessage).filter_by(channel="webhook").one()
    message.status, message.attempts = "failed_permanently", 12
    message.last_error = "gave up after 12 attempts: HTTP 502: Bad Gateway"
    db.session.commit()

    sign_in(page, live_server, make_user("admin"))
    page.goto(live_server + "/quan-tri/")
    page.get_by_role("link", name="Hộp thư đi").click()
    row = page.locator(f"#message-{message.id}")
    expect(row).to_contain_text("gave up after 12 attempts: HTTP 502: Bad Gateway")
    expect(row).to_contain_text("Gửi không được")
    expect(page.locator("#outbox")).to_contain_text("an***@example.com")  # the sender's notice, address masked
    shoot(page, "admin-outbox")
    row.get_by_role("button", name="Gửi lại ngay").click()
    expect(page.locator("body")).to_contain_text("Tin nhắn sẽ được gửi lại ở lần gửi kế tiếp.")
    expect(page.locator(f"#message-{message.id}")).to_contain_text("Chờ gửi")
    db.session.refresh(message)
    assert message.status == "pending"
