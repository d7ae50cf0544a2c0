"""One error page for every status: its message and code, in the reader's language."""
import pytest
from flask_babel import refresh

from portal.web.errors import MESSAGES, error_response
from tests.conftest import login


@pytest.mark.parametrize("status", sorted(MESSAGES))
def test_every_status_shows_its_own_message_in_vietnamese_and_in_english(app, status):
    vietnamese, english = MESSAGES[status]
    for lang, message, code_label in (("vi", vietnamese, "Mã lỗi"), ("en", english, "Error code")):
        with app.test_request_context(f"/trang-bat-ky?lang={lang}"):
            refresh()  # the tests' open app context would otherwise keep the previous request's language
            body, answered = error_response(status)
        assert answered == status
        assert f"<h1>{message}</h1>" in body and f"{code_label}: {status}" in body, (status, lang)
        assert f"<title>{status} — {message}" in body


def test_a_missing_page_answers_404_in_the_readers_language(client):
    vietnamese, english = client.get("/khong-co-trang-nay"), client.get("/khong-co-trang-nay?lang=en")
    assert vietnamese.status_code == english.status_code == 404
    assert "<h1>Không tìm thấy trang hoặc nội dung bạn cần.</h1>" in vietnamese.get_data(as_text=True)
    assert "<h1>Page not found.</h1>" in english.get_data(as_text=True)
    assert "Back to the home page" in english.get_data(as_text=True)


def test_a_page_of_another_role_answers_403_and_a_wrong_method_405(client, make_user):
    login(client, make_user("committee"))
    refused = client.get("/quan-tri/?lang=en")
    assert refused.status_code == 403 and "<h1>You may not open this page.</h1>" in refused.get_data(as_text=True)
    wrong_method = client.get("/co-quan/phan-anh/PA-KHONG-CO/tiep-nhan")  # English stays chosen (its cookie)
    assert wrong_method.status_code == 405
    assert "<h1>Method not allowed.</h1>" in wrong_method.get_data(as_text=True)


def test_a_form_without_its_token_answers_400_and_says_to_reload(client):
    response = client.post("/tra-cuu", data={"code": "PA-1", "secret": "x"})
    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ." in response.get_data(as_text=True)
