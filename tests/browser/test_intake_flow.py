"""An operator keys in a call; a secretary records a dialogue, its petitions and its conclusion."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_agency_flow import sign_in

pytestmark = pytest.mark.browser


def test_operator_keys_in_a_call(page, live_server, make_user):
    sign_in(page, live_server, make_user("operator"))
    page.get_by_label("Tóm tắt cuộc gọi").fill(
        "Người dân gọi báo đèn chiếu sáng trong kiệt 42 Lê Duẩn tắt hơn hai tuần, buổi tối rất tối.")
    page.get_by_label("Số điện thoại người gọi").fill("0905 222 333")
    page.get_by_label("Tỉnh, thành phố").select_option("48")
    page.locator("#ward_code option[value='20257']").wait_for(state="attached")
    page.get_by_label("Xã, phường, đặc khu").select_option("20257")
    page.get_by_role("button", name="Lưu phản ánh").click()
    expect(page.locator("#petition-code")).to_contain_text("PA-")
    assert len(page.locator("#petition-secret").inner_text()) == 14


def test_secretary_records_a_session_and_publishes_its_conclusion(page, live_server, make_user):
    sign_in(page, live_server, make_user("secretariat"))
    page.get_by_label("Người chủ trì đối thoại").fill("Nguyễn Văn Chủ Tịch")
    page.get_by_label("Chức vụ, cơ quan").fill("Chủ tịch UBND phường Hòa Cường")
    page.get_by_label("Thời gian").fill("2026-11-20T08:00")
    page.get_by_label("Địa điểm").fill("Nhà văn hóa tổ 5")
    page.get_by_label("Số người tham dự").fill("85")
    page.get_by_role("button", name="Lưu buổi đối thoại").click()
    page.get_by_role("button", name="Ghi nhận đã diễn ra").click()
    expect(page.locator("#session-status")).to_have_text("Đã diễn ra")
    page.get_by_label("Nội dung kiến nghị").fill("Bà Trần Thị Lan kiến nghị sửa đường kiệt 12 bị ngập mỗi khi mưa.")
    page.get_by_role("button", name="Ghi kiến nghị").click()
    expect(page.locator("body")).to_contain_text("Đã ghi kiến nghị")
    page.get_by_role("textbox", name="Thông báo kết luận").fill(
        "Chủ tịch UBND phường kết luận: giao bộ phận hạ tầng khảo sát, sửa đường kiệt 12 trước ngày 15/12/2026.")
    page.get_by_role("button", name="Ban hành thông báo kết luận").click()
    page.get_by_role("link", name="Trang công khai").click()
    expect(page.locator("#conclusion")).to_contain_text("giao bộ phận hạ tầng khảo sát")
    assert "Trần Thị Lan" not in page.content()
