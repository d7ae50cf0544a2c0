"""Issue 18 end to end, in Chromium at a phone's width with no tile server reachable (as in an offline office): a
citizen sends a petition with two photos and a pin, the officer sees both photos, the head publishes one with the
answer, the public map shows the petition and its public page exactly one photo. And the form works without a pin."""
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from portal.domain import workflow
from portal.models import Petition, PetitionPhoto
from tests.browser.test_agency_flow import sign_in

pytestmark = pytest.mark.browser
TILES = "https://tile.openstreetmap.org/**"
SHOTS = "/work/notes/shots/s7-pin-forms-{}-{}.png"
CONTENT = "Ổ gà sâu giữa đường trước chợ, xe máy đi đêm rất dễ ngã, đề nghị sớm vá lại mặt đường."


def photo(colour: str) -> dict:
    image = Image.new("RGB", (800, 600), colour)
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return {"name": f"{colour}.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def shoot(page, name):
    """Screenshots at a desk's and a phone's width, for a person to look at (not compared)."""
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        try:
            page.screenshot(path=SHOTS.format(name, width), full_page=True)
        except OSError:
            pass  # no notes folder on this machine
    page.set_viewport_size({"width": 390, "height": 844})


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_citizen_sends_two_photos_and_a_pin_and_the_public_sees_one_photo(
        page, live_server, db, make_user):
    page.route(TILES, lambda route: route.abort())
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(CONTENT)
    page.get_by_label("Tiêu đề (không bắt buộc)").fill("Ổ gà trước chợ Hòa Cường")
    page.get_by_label("Lĩnh vực").select_option("giao-thong")
    page.get_by_label("Tỉnh, thành phố").select_option("48")
    page.locator("#ward_code option[value='20257']").wait_for(state="attached")
    expect(page.locator("[data-pin-status]")).to_contain_text(
        "Không tải được bản đồ nền; bạn vẫn có thể đặt ghim hoặc bỏ qua")

    # The keyboard's road: coordinates typed move the pin there; then a tap on the (blank) map places it.
    page.get_by_label("Vĩ độ").fill("16.0458")
    page.get_by_label("Kinh độ").fill("108.2125")
    page.get_by_label("Kinh độ").press("Tab")
    canvas = page.locator("[data-pin-canvas]")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 10, box["y"] + box["height"] / 2 + 10)
    expect(page.locator("[data-pin-status]")).to_have_text("Đã đặt ghim.")
    assert page.get_by_label("Vĩ độ").input_value().startswith("16.04")
    suggestion = page.locator("[data-pin-choose]")
    expect(suggestion).to_have_text("Gợi ý: Phường Hòa Cường, Thành phố Đà Nẵng — bấm để chọn")
    suggestion.click()
    expect(page.get_by_label("Xã, phường, đặc khu")).to_have_value("20257")

    # Three photos chosen, one removed: only the two kept are sent.
    page.get_by_label("Ảnh (không bắt buộc)").set_input_files([photo("red"), photo("green"), photo("blue")])
    expect(page.locator("[data-photo-count]")).to_have_text("3/5 ảnh")
    page.get_by_role("button", name="Bỏ ảnh green.jpg").click()
    expect(page.locator("[data-photo-count]")).to_have_text("2/5 ảnh")
    expect(page.locator("[data-photo-previews] img")).to_have_count(2)
    assert fits_the_phone(page)
    shoot(page, "submit")
    page.get_by_role("button", name="Gửi phản ánh").click()
    code = page.locator("#petition-code").inner_text()

    petition = db.session.query(Petition).filter_by(code=code).one()
    assert (round(petition.lat, 2), round(petition.lng, 2), petition.ward_code) == (16.05, 108.21, "20257")
    assert petition.agency.code == "SO-XD"  # routed
    assert db.session.query(PetitionPhoto).filter_by(petition_id=petition.id).count() == 2

    officer, head = make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-XD")
    sign_in(page, live_server, officer)
    page.goto(f"{live_server}/co-quan/phan-anh/{code}")
    for number in (1, 2):
        expect(page.get_by_role("img", name=f"Ảnh {number} của phản ánh {code}").first).to_be_visible()
    page.get_by_role("button", name="Đăng xuất").click()
    workflow.submit_answer(db.session, petition, officer, "<p>Sở đã vá ổ gà trước chợ, cảm ơn ông/bà.</p>")
    db.session.commit()

    sign_in(page, live_server, head)
    page.goto(f"{live_server}/co-quan/phan-anh/{code}")
    first = page.locator(".photo-card").first
    first.locator("summary").click()
    first.get_by_label("Công bố ảnh này cùng câu trả lời").check()
    first.get_by_role("button", name="Lưu quyết định về ảnh").click()
    expect(page.locator("body")).to_contain_text("Ảnh 1 sẽ được công khai cùng câu trả lời.")
    page.get_by_role("button", name="Duyệt và công khai").last.click()
    expect(page.locator("body")).to_contain_text("Đã duyệt")

    page.goto(live_server + "/ban-do")
    expect(page.locator(f'#map-list a[href="/p/{code}"]')).to_have_count(1)
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    page.locator(f'#map-list a[href="/p/{code}"]').click()
    photos = page.locator(".public-photos img")
    expect(photos).to_have_count(1)
    photos.first.scroll_into_view_if_needed()
    # The picture is loaded lazily: wait until the browser has decoded it (a 404 never gets a natural width).
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photos.first.element_handle(),
                           timeout=10_000)


def test_with_tiles_unreachable_the_form_is_sent_without_a_pin_after_a_refused_photo(page, live_server, db):
    page.route(TILES, lambda route: route.abort())
    page.goto(live_server + "/gui-phan-anh")
    expect(page.locator("[data-pin-status]")).to_contain_text("Không tải được bản đồ nền")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(CONTENT)
    page.get_by_label("Ảnh (không bắt buộc)").set_input_files(
        [{"name": "anh.jpg", "mimeType": "image/jpeg", "buffer": b"<!doctype html><p>not a photo</p>"}])
    page.get_by_role("button", name="Gửi phản ánh").click()
    expect(page.locator("#photo-error")).to_contain_text("Tệp này không phải ảnh")
    expect(page.locator("#photo-error")).to_contain_text("vui lòng chọn lại ảnh")
    expect(page.get_by_label("Nội dung phản ánh, kiến nghị")).to_have_value(CONTENT)  # kept; only the file goes
    assert db.session.query(Petition).count() == 0
    shoot(page, "submit-refused")
    page.get_by_role("button", name="Gửi phản ánh").click()
    code = page.locator("#petition-code").inner_text()
    petition = db.session.query(Petition).filter_by(code=code).one()
    assert (petition.lat, petition.lng) == (None, None)


def test_a_pin_placed_abroad_is_explained_at_once_and_removed(page, live_server):
    page.route(TILES, lambda route: route.abort())
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_label("Vĩ độ").fill("17.97")
    page.get_by_label("Kinh độ").fill("102.6")
    page.get_by_label("Kinh độ").press("Tab")
    expect(page.locator("[data-pin-status]")).to_contain_text("nằm ngoài lãnh thổ và vùng biển Việt Nam")
    page.get_by_role("button", name="Xoá ghim").click()
    expect(page.get_by_label("Vĩ độ")).to_have_value("")
    expect(page.locator("[data-pin-status]")).to_have_text("Đã xoá ghim.")


def test_the_hotline_console_and_the_dialogue_form_fit_a_phone(page, live_server, db, make_user):
    from datetime import timedelta

    from portal.domain import dialogue as dialogues
    from portal.models.base import utcnow

    item = dialogues.create_session(db.session, leader_name="Nguyễn Văn An", leader_office="Chủ tịch UBND phường",
                                    level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá",
                                    participants=40, topics="", conclusion_days=3)
    dialogues.mark_held(item)
    db.session.commit()
    page.route(TILES, lambda route: route.abort())
    forms = (("operator", "/tong-dai/", "console"), ("secretariat", f"/doi-thoai/{item.id}", "dialogue"))
    for role, url, name in forms:
        sign_in(page, live_server, make_user(role))
        page.goto(live_server + url)
        expect(page.get_by_role("button", name="Dùng vị trí của tôi")).to_be_visible()
        page.get_by_label("Ảnh (không bắt buộc)").set_input_files([photo("red")])
        expect(page.locator("[data-photo-count]")).to_have_text("1/5 ảnh")
        assert fits_the_phone(page)
        shoot(page, name)
        page.get_by_role("button", name="Đăng xuất").click()


def test_the_pin_is_placed_from_the_keyboard_or_the_phones_position_and_a_refusal_is_explained(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(TILES, lambda route: route.abort())
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_role("button", name="Dùng vị trí của tôi").click()  # the browser was not allowed to tell
    expect(page.locator("[data-pin-status]")).to_contain_text("Không lấy được vị trí của bạn")
    canvas = page.locator("[data-pin-canvas]")
    canvas.focus()
    page.keyboard.press("Enter")  # the pin at the map's centre
    expect(page.locator("[data-pin-status]")).to_have_text("Đã đặt ghim.")
    assert page.get_by_label("Vĩ độ").input_value() != ""
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 16.0544, "longitude": 108.2022})
    page.get_by_role("button", name="Dùng vị trí của tôi").click()
    expect(page.get_by_label("Vĩ độ")).to_have_value("16.054400")
    expect(page.get_by_label("Kinh độ")).to_have_value("108.202200")
    context.close()
