"""In Chromium: a citizen rates a published answer "not resolved"; the petition is reopened, the tracking page says
so with the citizen's comment, and the agency finds it in its open work again."""
import pytest
from playwright.sync_api import expect

from portal.domain import workflow

pytestmark = pytest.mark.browser
SHOTS = "/work/notes/shots/s7-reopen-{}-{}.png"
COMMENT = "Ổ gà trước số 12 vẫn còn, trời mưa lại đọng nước."


def sign_in(page, live_server, user):
    page.goto(live_server + "/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(user.email)
    page.get_by_label("Mật khẩu").fill(user.plain_password)
    page.get_by_role("button", name="Đăng nhập").click()


def shoot(page, name):
    """Screenshots at a phone's and a desk's width, for a person to look at (not compared)."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        try:
            height = min(page.evaluate("document.documentElement.scrollHeight"), 2400)
            page.screenshot(path=SHOTS.format(name, width), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": height})
        except OSError:
            pass  # no notes folder on this machine
    page.set_viewport_size({"width": 390, "height": 844})


def track(page, live_server, petition):
    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã phản ánh").fill(petition.code)
    page.get_by_label("Mật mã tra cứu").fill(petition.plain_secret)
    page.get_by_role("button", name="Tra cứu").click()


def test_not_resolved_reopens_the_petition(page, live_server, db, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    workflow.submit_answer(db.session, petition, officer, "<p>Đơn vị đã vá xong ổ gà trên đường Lê Lợi.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()

    track(page, live_server, petition)
    expect(page.locator("#status")).to_have_text("Đã công khai trả lời")
    for element in ("access", "procedure", "staff", "result", "feedback"):
        page.locator(f"input[name='{element}'][value='2']").check()
    page.locator("input[name='resolved'][value='no']").check()
    page.get_by_label("Nhận xét (không bắt buộc)").fill(COMMENT)
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.locator("#rating-outcome")).to_contain_text(
        "Phản ánh đã được mở lại và chuyển lại cho Sở Xây dựng xử lý")
    shoot(page, "rating-result")

    track(page, live_server, petition)
    expect(page.locator("#status")).to_have_text("Đã mở lại")
    expect(page.get_by_role("heading", name="Các bước xử lý").locator("xpath=..")).to_contain_text(COMMENT)
    expect(page.get_by_role("button", name="Gửi đánh giá")).to_have_count(0)  # nothing to rate while it is reopened
    shoot(page, "tracking")

    page.context.clear_cookies()
    sign_in(page, live_server, officer)
    row = page.locator("tr", has=page.get_by_role("link", name=petition.code))
    expect(row).to_contain_text("Đã mở lại")
    page.get_by_role("link", name=petition.code).click()
    expect(page.get_by_role("button", name="Tiếp nhận xử lý")).to_be_visible()

    page.goto(live_server + "/minh-bach")
    expect(page.get_by_role("columnheader", name="Tỷ lệ mở lại")).to_be_visible()
    shoot(page, "transparency")

    page.context.clear_cookies()
    sign_in(page, live_server, make_user("committee"))
    page.goto(live_server + "/ban-dan-van/")
    expect(page.locator("#reopened")).to_contain_text("1")
    shoot(page, "dashboard")
