"""/quan-tri/hop-thu-di: administrators see the outbox by status and channel, the last error, and retry."""
from portal.domain.outbox import enqueue
from portal.models import OutboxMessage
from tests.conftest import csrf_token


def failed_sms(db) -> OutboxMessage:
    enqueue(db.session, "sms", "0905123456", {"text": "Phản ánh PA-2026-000001 đã có trả lời."})
    db.session.flush()
    message = db.session.query(OutboxMessage).one()
    message.status, message.attempts = "failed_permanently", 7
    message.last_error = "gave up after 7 attempts: SMS gateway answered 503: maintenance"
    db.session.commit()
    return message


def test_the_admin_page_lists_a_failed_message_with_its_last_error(client, db, login_as):
    message = failed_sms(db)
    login_as("admin")
    page = client.get("/quan-tri/hop-thu-di?trang-thai=failed_permanently")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "gave up after 7 attempts: SMS gateway answered 503: maintenance" in html
    assert message.delivery_id in html and "Gửi không được" in html
    assert "0905123456" not in html and "090****456" in html  # enough to tell two apart, no more
    assert "Không có tin nhắn nào." in client.get("/quan-tri/hop-thu-di?trang-thai=sent").get_data(as_text=True)
    assert "Kênh “Tin nhắn SMS” chưa được cấu hình" in html  # no SMS gateway in the tests' configuration
    assert "Kênh “Webhook” chưa được cấu hình" not in html


def test_retry_now_puts_a_failed_message_back_in_the_queue(client, db, login_as):
    message = failed_sms(db)
    login_as("admin")
    page = client.get("/quan-tri/hop-thu-di").get_data(as_text=True)
    response = client.post(f"/quan-tri/hop-thu-di/{message.id}/gui-lai", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    db.session.refresh(message)
    assert message.status == "pending" and message.attempts == 7


def test_only_administrators_see_the_outbox(client, db, login_as):
    login_as("coordinator")
    assert client.get("/quan-tri/hop-thu-di").status_code == 403


def test_odd_filters_are_ignored_and_an_odd_page_is_a_4xx(client, db, login_as):
    login_as("admin")
    assert client.get("/quan-tri/hop-thu-di?trang-thai=lost&kenh=fax").status_code == 200
    assert 400 <= client.get("/quan-tri/hop-thu-di?trang=abc").status_code < 500
