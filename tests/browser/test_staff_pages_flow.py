"""Staff pages in Chromium: the committee follows a figure to its items and back; an officer formats an answer."""
import re

import pytest
from playwright.sync_api import expect

from portal.domain import workflow
from tests.browser.test_agency_flow import sign_in

pytestmark = pytest.mark.browser


def test_committee_drills_down_from_a_figure_to_an_item_and_back_to_the_filtered_dashboard(
        page, live_server, db, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    workflow.submit_answer(db.session, petition, officer, "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    sign_in(page, live_server, make_user("committee"))
    page.goto(live_server + "/ban-dan-van/")
    page.get_by_label("Lĩnh vực", exact=True).select_option("giao-thong")
    page.get_by_label("Kênh", exact=True).select_option(label="Cổng thông tin")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#figures-note")).to_contain_text("số quá hạn có thể lớn hơn số tiếp nhận")

    page.get_by_role("link", name="Đã trả lời: 1. Xem danh sách").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã trả lời: tất cả cơ quan")
    expect(page.locator("#figure-definition")).to_contain_text("công khai câu trả lời trong kỳ")
    page.get_by_role("link", name=petition.code).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(petition.code)
    expect(page.locator("body")).to_contain_text("Đã vá xong ổ gà")

    page.go_back()
    page.locator("#back-to-dashboard").click()
    expect(page).to_have_url(re.compile(r"/ban-dan-van/\?.*category=giao-thong"))
    expect(page.get_by_label("Lĩnh vực", exact=True)).to_have_value("giao-thong")
    expect(page.get_by_label("Kênh", exact=True)).to_have_value("web")


def test_officer_formats_an_answer_with_the_toolbar(page, live_server, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    sign_in(page, live_server, make_user("agency_officer", "SO-XD"))
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}")
    page.get_by_text("Soạn và gửi trả lời").click()
    box = page.get_by_label("Nội dung trả lời")
    box.fill("Đã vá ổ gà trên đường Nguyễn Văn Linh ngày 20/11.")
    box.select_text()
    page.get_by_role("toolbar", name="Định dạng câu trả lời").get_by_role("button", name="Đậm").click()
    assert box.input_value() == "<strong>Đã vá ổ gà trên đường Nguyễn Văn Linh ngày 20/11.</strong>"
    box.press("End")
    box.press("Enter")
    box.type("Kiểm tra lại sau mưa\nBáo cáo kết quả")
    box.evaluate("b => b.setSelectionRange(b.value.indexOf('Kiểm'), b.value.length)")
    page.get_by_role("button", name="Danh sách").click()
    assert box.input_value().endswith("<ul>\n  <li>Kiểm tra lại sau mưa</li>\n  <li>Báo cáo kết quả</li>\n</ul>")
    page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
    expect(page.locator(".answer .rich strong")).to_have_text("Đã vá ổ gà trên đường Nguyễn Văn Linh ngày 20/11.")
    expect(page.locator(".answer .rich li")).to_have_count(2)
