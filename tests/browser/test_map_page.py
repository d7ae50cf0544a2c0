"""The public map at a phone's width (390 px): markers from the API on the map, the same petitions in the list below,
and, when no tile server answers (an office offline, this test), a page that says so and still works."""
import base64

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
