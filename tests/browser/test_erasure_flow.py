"""A sender erases their contact details from the tracking page in Chromium, at a phone's width."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_sender_erases_contact_details_after_confirming(page, live_server, petition_factory):
    petition = petition_factory(content="Tôi là Lê Văn Sáu, gọi 0912 345 678. Đường Nguyễn Văn Linh có nhiều ổ gà sâu.",
                                reporter_name="Lê Văn Sáu", reporter_phone="0912345678")
    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã phản ánh").fill(petition.code)
    page.get_by_label("Mật mã tra cứu").fill(petition.plain_secret)
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_text("Xoá thông tin liên hệ của tôi").click()
    button = page.get_by_role("button", name="Xoá thông tin liên hệ")
    button.click()  # not confirmed: the browser keeps the form
    expect(page).to_have_url(live_server + "/tra-cuu")
    page.get_by_label("Tôi hiểu và muốn xoá").check()
    button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã xoá thông tin liên hệ")
    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã phản ánh").fill(petition.code)
    page.get_by_label("Mật mã tra cứu").fill(petition.plain_secret)
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("body")).to_contain_text("Tôi là [họ tên], gọi [số điện thoại].")
    expect(page.locator("body")).not_to_contain_text("Xoá thông tin liên hệ của tôi")
