"""A citizen sends a petition through the real form in Chromium and reads the tracking page."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_citizen_submits_and_tracks(page, live_server):
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(
        "Cống thoát nước trước nhà số 12 đường Lê Lợi bị tắc, mưa xuống là nước tràn vào nhà dân.")
    page.get_by_label("Tỉnh, thành phố").select_option("48")
    # The ward list is filled by script once the province is chosen.
    page.locator("#ward_code option[value='20257']").wait_for(state="attached")
    page.get_by_label("Xã, phường, đặc khu").select_option("20257")
    page.get_by_role("button", name="Gửi phản ánh").click()
    code = page.locator("#petition-code").inner_text()
    secret = page.locator("#petition-secret").inner_text()
    assert code.startswith("PA-")
    page.get_by_role("link", name="Tra cứu tiến độ").click()
    page.get_by_label("Mã phản ánh").fill(code)
    page.get_by_label("Mật mã tra cứu").fill(secret)
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("#status")).to_have_text("Đã chuyển cơ quan xử lý")
    expect(page.locator("body")).to_contain_text("Cống thoát nước")


def test_form_errors_are_announced_and_linked(page, live_server):
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill("quá ngắn")
    page.get_by_role("button", name="Gửi phản ánh").click()
    summary = page.get_by_role("alert")
    assert "từ 20 đến 10000 ký tự" in summary.inner_text()
    assert page.get_by_label("Nội dung phản ánh, kiến nghị").get_attribute("aria-invalid") == "true"
