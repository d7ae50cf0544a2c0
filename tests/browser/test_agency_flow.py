"""An officer answers in Chromium, the head approves, the public page shows the redacted answer."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def sign_in(page, live_server, user):
    page.goto(live_server + "/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(user.email)
    page.get_by_label("Mật khẩu").fill(user.plain_password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_officer_answers_and_head_approves(page, live_server, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer, head = make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-XD")
    sign_in(page, live_server, officer)
    page.get_by_role("link", name=petition.code).click()
    page.get_by_role("button", name="Tiếp nhận xử lý").click()
    expect(page.locator("body")).to_contain_text("Đã tiếp nhận xử lý")
    page.get_by_text("Soạn và gửi trả lời").click()
    page.get_by_label("Nội dung trả lời").fill("Đã vá ổ gà ngày 20/11. Mọi thắc mắc xin gọi anh Bình 0905 123 456.")
    page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
    expect(page.locator("body")).to_contain_text("Đã gửi dự thảo trả lời")
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, live_server, head)
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}")
    preview = page.get_by_label("Câu trả lời sẽ công khai (đã ẩn thông tin cá nhân)")
    assert "[số điện thoại]" in preview.input_value()
    page.get_by_role("button", name="Duyệt và công khai").last.click()
    expect(page.locator("body")).to_contain_text("Đã duyệt")
    page.goto(f"{live_server}/p/{petition.code}")
    expect(page.locator("body")).to_contain_text("Đã vá ổ gà")
    assert "0905 123 456" not in page.content()
