"""The public map at a phone's width (390 px): markers from the API on the map, the same petitions in the list below,
and, when no tile server answers (an office offline, this test), a page that says so and still works. The committee's
map the same way, with its heat layer by ward."""
import base64
import re

import pytest
from playwright.sync_api import expect

from portal.domain import workflow

pytestmark = pytest.mark.browser

TILES = "https://tile.openstreetmap.org/**"
ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==")


def published(db, petition_factory, make_user, title: str, lat: float, lng: float):
    petition = petition_factory(category="giao-thong", title=title, lat=lat, lng=lng)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", petition.agency.code),
                           "<p>Đã vá mặt đường và cắm biển cảnh báo.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", petition.agency.code))
    db.session.commit()
    return petition


def watch_errors(page) -> list[str]:
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "tile.openstreetmap.org" not in message.text
            and "ERR_FAILED" not in message.text else None)
    return errors


def test_with_tiles_unreachable_the_map_says_so_and_the_list_still_leads_to_each_petition(
        page, live_server, db, petition_factory, make_user):
    first = published(db, petition_factory, make_user, "Ổ gà trên đường Trần Phú", 16.0684, 108.2213)
    published(db, petition_factory, make_user, "Cống tắc ở Hải Châu", 16.0602, 108.2101)
    errors = watch_errors(page)
    page.route(TILES, lambda route: route.abort())
    page.goto(live_server + "/ban-do")
    expect(page.locator("#map-status")).to_contain_text("Không tải được bản đồ nền")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()  # the points came, only the tiles did not
    link = page.get_by_role("link", name="Ổ gà trên đường Trần Phú")
    expect(link).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    link.click()
    expect(page).to_have_url(live_server + f"/p/{first.code}")
    assert errors == []


def test_with_tiles_the_map_shows_the_markers_without_a_warning_and_a_marker_opens_its_petition(
        page, live_server, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, "Đèn đường tắt ở Thanh Khê", 16.0678, 108.1897)
    errors = watch_errors(page)
    page.route(TILES, lambda route: route.fulfill(status=200, content_type="image/png", body=ONE_PIXEL_PNG))
    page.goto(live_server + "/ban-do")
    marker = page.locator(".leaflet-marker-icon").first
    expect(marker).to_be_visible()
    marker.click()
    expect(page.locator(".map-popup a")).to_have_attribute("href", f"/p/{petition.code}")
    expect(page.locator("#map-status")).not_to_contain_text("Không tải được")
    assert errors == []


def sign_in(page, live_server, user):
    page.goto(live_server + "/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(user.email)
    page.get_by_label("Mật khẩu").fill(user.plain_password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(live_server + "/dang-nhap/")


def test_the_committee_map_shows_every_petition_and_toggles_to_the_heat_layer_with_tiles_unreachable(
        page, live_server, db, petition_factory, make_user):
    petition_factory(category="giao-thong", title="Cống tắc ở Hải Châu", lat=16.0602, lng=108.2101,
                     consent_public=False)
    petition_factory(category="giao-thong", title="Ổ gà trên đường Trần Phú", lat=16.0684, lng=108.2213)
    errors = watch_errors(page)
    page.route(TILES, lambda route: route.abort())
    sign_in(page, live_server, make_user("committee"))
    page.goto(live_server + "/ban-dan-van/ban-do")
    expect(page.locator("#map-status")).to_contain_text("Không tải được bản đồ nền")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)  # exact points, unpublished ones too
    page.get_by_label("Mật độ theo phường/xã").check()
    expect(page.locator("canvas.leaflet-heatmap-layer")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(0)
    heat_pixels = page.evaluate("""() => {
        const canvas = document.querySelector('canvas.leaflet-heatmap-layer');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
    }""")
    assert heat_pixels > 0  # the ward's heat is drawn, without any tile
    page.get_by_label("Từng phản ánh").check()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    table = page.locator("#wards")
    expect(table).to_contain_text("Phường Hòa Cường")
    expect(table.locator("td.num").last).to_have_text("2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    page.locator(".leaflet-marker-icon").first.click()
    expect(page.locator(".map-popup a").first).to_have_attribute("href", re.compile(r"^/ban-dan-van/phan-anh/PA-"))
    assert errors == []
