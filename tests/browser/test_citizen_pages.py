"""The citizen's pages in Chromium at a phone's width (390 px): English menu, fields that heal as they are
corrected, a search box phones do not zoom into, and rating scales on one row."""
import pytest
from playwright.sync_api import expect

from portal.domain import workflow

pytestmark = pytest.mark.browser


def test_the_english_menu(page, live_server):
    page.goto(live_server + "/?lang=en")
    menu = page.get_by_role("navigation", name="Main navigation")
    for label in ("Send a petition", "Track", "Search", "Transparency", "Staff sign-in"):
        expect(menu.get_by_role("link", name=label, exact=True)).to_be_visible()
    menu.get_by_role("link", name="Search", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search published answers")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_corrected_field_loses_its_error_at_once(page, live_server):
    page.goto(live_server + "/gui-phan-anh")
    content = page.get_by_label("Nội dung phản ánh, kiến nghị")
    content.fill("quá ngắn")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi phản ánh").click()
    # Typing before the page's script has run would find nobody listening (a flaky failure on a busy machine).
    page.wait_for_load_state("load")
    content = page.get_by_label("Nội dung phản ánh, kiến nghị")
    assert content.get_attribute("aria-invalid") == "true"
    content.fill("Cống thoát nước trước nhà số 12 đường Lê Lợi bị tắc, mưa xuống là nước tràn vào nhà dân.")
    assert content.get_attribute("aria-invalid") == "false"
    expect(page.locator("#content-error")).to_be_hidden()
    expect(page.locator(".field:has(#content)")).not_to_have_class("field has-error")
    expect(page.get_by_role("alert")).to_be_hidden()  # nothing left to fix in the summary
    content.fill("ngắn")
    assert content.get_attribute("aria-invalid") == "true"


def test_the_search_box_is_16px_or_more(page, live_server):
    page.goto(live_server + "/tim-kiem")
    size = page.get_by_label("Từ khoá").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 16
    for label in ("Lĩnh vực", "Trạng thái", "Thời gian trả lời", "Tỉnh, thành phố", "Xã, phường"):
        assert page.get_by_label(label).evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16


def test_rating_scales_keep_their_five_choices_on_one_row_on_a_phone(page, live_server, db, petition_factory,
                                                                    make_user):
    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đã vá ổ gà và cắm biển cảnh báo trong thời gian thi công.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    page.goto(live_server + "/tra-cuu")
    page.get_by_label("Mã phản ánh").fill(petition.code)
    page.get_by_label("Mật mã tra cứu").fill(petition.plain_secret)
    page.get_by_role("button", name="Tra cứu").click()
    scales = page.locator("fieldset.scale-5")
    expect(scales).to_have_count(5)
    for index in range(5):
        boxes = [choice.bounding_box() for choice in scales.nth(index).locator(".choice").all()]
        assert len(boxes) == 5
        assert len({round(box["y"]) for box in boxes}) == 1  # one row
        assert max(box["x"] + box["width"] for box in boxes) <= 390
