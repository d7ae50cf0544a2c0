"""The head's preview in Chromium: a hidden span toggled back to visible with the keyboard is what gets published."""
import pytest
from playwright.sync_api import expect

from portal.domain import workflow
from tests.browser.test_agency_flow import sign_in

pytestmark = pytest.mark.browser

CONTENT = ("Tôi là Nguyễn Văn Bình, số điện thoại 0905 123 456, phản ánh đèn đường kiệt 42 Lê Duẩn "
           "đã tắt hơn hai tuần, buổi tối rất tối.")


def test_head_keeps_one_hidden_span_visible_and_the_public_page_shows_that_choice(page, live_server, db, make_user,
                                                                                  petition_factory):
    petition = petition_factory(category="giao-thong", content=CONTENT, title="Đèn đường kiệt 42 tắt")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "Đã thay bóng đèn ngày 20/11.\nCảm ơn ông Nguyễn Văn Bình đã phản ánh.")
    db.session.commit()
    sign_in(page, live_server, make_user("agency_head", "SO-XD"))
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}#publish")
    preview = page.locator(".public-preview")
    expect(preview.locator('mark.pii[data-kind="phone"]')).to_have_text("[số điện thoại]")
    toggles = page.get_by_role("group", name="Phần đã ẩn: bỏ chọn để công khai nguyên văn")
    phone = toggles.get_by_role("checkbox", name="0905 123 456")
    expect(phone).to_be_checked()
    phone.focus()
    page.keyboard.press("Space")  # keyboard only
    expect(phone).not_to_be_checked()
    expect(preview.locator('mark.pii[data-kind="phone"]')).to_have_text("0905 123 456")
    content = page.get_by_label("Nội dung phản ánh sẽ công khai (đã ẩn thông tin cá nhân)")
    assert "0905 123 456" in content.input_value() and "Nguyễn Văn Bình" not in content.input_value()
    page.get_by_role("button", name="Duyệt và công khai").click()
    expect(page.locator("body")).to_contain_text("Đã duyệt")

    page.goto(f"{live_server}/p/{petition.code}")
    body = page.locator("main")
    expect(body).to_contain_text("số điện thoại 0905 123 456")  # the head's choice
    expect(body).to_contain_text("Tôi là [họ tên]")  # the other spans stay hidden
    expect(body).not_to_contain_text("Nguyễn Văn Bình")
    expect(body).to_contain_text("Đã thay bóng đèn ngày 20/11.")
