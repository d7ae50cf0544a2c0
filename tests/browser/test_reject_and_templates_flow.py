"""In Chromium: a head keeps an answer template; an officer picks it in the answer form and the script fills the
answer for the petition; a coordinator rejects another petition with a reason and a note, and its sender reads them
on the tracking page."""
import pytest
from playwright.sync_api import expect

from portal.domain.answer_templates import save_template

pytestmark = pytest.mark.browser
SHOTS = "/work/notes/shots/s7-reject-{}-{}.png"
NOTE = "Phản ánh trùng với phản ánh đã gửi ngày 01/12/2026; kết quả sẽ được trả lời trong phản ánh đó."
BODY = ("Kính gửi ông/bà. Phản ánh {code} nhận ngày {received_date} đã được {agency} xem xét; hạn trả lời "
        "{due_date}. Đơn vị đã cử cán bộ kiểm tra hiện trường và ")


def sign_in(page, live_server, user):
    page.goto(live_server + "/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(user.email)
    page.get_by_label("Mật khẩu").fill(user.plain_password)
    page.get_by_role("button", name="Đăng nhập").click()


def sign_out(page):
    page.context.clear_cookies()


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


def test_a_template_fills_the_answer_and_a_rejection_reaches_the_sender(page, live_server, db, make_user,
                                                                        petition_factory):
    head, officer = make_user("agency_head", "SO-XD"), make_user("agency_officer", "SO-XD")
    coordinator = make_user("coordinator")
    save_template(db.session, head, kind="rejection", category_id=None, title="Trùng lặp",
                  body="Phản ánh {code} trùng với phản ánh đã gửi trước đó.")
    db.session.commit()
    answered, rejected = petition_factory(), petition_factory()

    sign_in(page, live_server, head)
    page.goto(live_server + "/co-quan/mau-tra-loi")
    page.get_by_label("Tên mẫu").fill("Đã kiểm tra hiện trường")
    page.get_by_label("Nội dung mẫu").fill(BODY)
    page.get_by_role("button", name="Lưu mẫu").click()
    expect(page.locator("#templates")).to_contain_text("Đã kiểm tra hiện trường")
    shoot(page, "templates-page")
    sign_out(page)

    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/co-quan/phan-anh/{answered.code}")
    page.get_by_text("Soạn và gửi trả lời").click()
    picker = page.locator("#answer-content-template")
    expect(page.locator("form.template-picker:has(#answer-content-template) button")).to_be_hidden()  # no reload
    picker.select_option(label="Đã kiểm tra hiện trường")
    answer = page.locator("#answer-content")
    assert answer.input_value().startswith(f"Kính gửi ông/bà. Phản ánh {answered.code} nhận ngày")
    answer.press("End")
    answer.type(" đã vá xong ổ gà ngày 02/12/2026.")
    shoot(page, "answer-form-with-template")
    page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
    expect(page.locator("h1 .badge")).to_contain_text("chờ duyệt")
    db.session.expire_all()
    assert answered.code in answered.answers.first().body_html
    sign_out(page)

    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server}/co-quan/phan-anh/{rejected.code}")
    page.get_by_text("Từ chối xử lý").first.click()
    page.get_by_label("Lý do từ chối").select_option("duplicate")
    page.get_by_label("Lời giải thích gửi người phản ánh").fill(NOTE)
    page.get_by_role("button", name="Từ chối", exact=True).click()
    expect(page.locator("h1 .badge")).to_contain_text("Từ chối xử lý")
    sign_out(page)

    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã phản ánh").fill(rejected.code)
    page.get_by_label("Mật mã tra cứu").fill(rejected.plain_secret)
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("#rejection-reason")).to_have_text("Trùng với phản ánh đã gửi")
    expect(page.locator("#rejection-note")).to_have_text(NOTE)
    shoot(page, "tracking-rejected")


def test_a_heads_proposal_with_a_rejection_template_is_confirmed_and_listed_for_the_committee(
        page, live_server, db, make_user, petition_factory):
    head, coordinator = make_user("agency_head", "SO-XD"), make_user("coordinator")
    save_template(db.session, head, kind="rejection", category_id=None, title="Ngoài thẩm quyền",
                  body="Phản ánh {code} không thuộc thẩm quyền của {agency}; đề nghị gửi Tòa án nhân dân.")
    db.session.commit()
    petition = petition_factory()

    sign_in(page, live_server, head)
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}")
    page.get_by_text("Đề xuất từ chối xử lý").click()
    page.locator("#reject-note-template").select_option(label="Ngoài thẩm quyền")
    expect(page.locator("#reject-note")).to_have_value(
        f"Phản ánh {petition.code} không thuộc thẩm quyền của Sở Xây dựng; đề nghị gửi Tòa án nhân dân.")
    page.get_by_label("Lý do từ chối").select_option("out_of_scope")
    shoot(page, "head-proposes")
    page.get_by_role("button", name="Gửi đề xuất từ chối").click()
    expect(page.locator("h1 .badge")).to_contain_text("Trả lại bộ phận điều phối")
    sign_out(page)

    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}")
    expect(page.locator("#rejection-proposal")).to_contain_text("đề xuất từ chối")
    shoot(page, "coordinator-confirms")
    page.get_by_role("button", name="Từ chối", exact=True).click()
    expect(page.locator("h1 .badge")).to_contain_text("Từ chối xử lý")
    sign_out(page)

    sign_in(page, live_server, make_user("committee"))
    page.goto(f"{live_server}/ban-dan-van/")
    expect(page.locator("#rejected")).to_have_text("1")
    shoot(page, "committee-dashboard")
    page.locator("#rejected a").click()
    expect(page.locator("#rejections")).to_contain_text("không thuộc thẩm quyền của Sở Xây dựng")
    shoot(page, "committee-list")
    page.goto(f"{live_server}/minh-bach")
    shoot(page, "transparency")
