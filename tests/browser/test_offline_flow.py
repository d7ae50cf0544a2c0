"""In Chromium: the site installs (manifest, service worker), a citizen who loses the connection fills the petition
form, is told it is kept, reads the form again from the service worker's copy, and gets a code once the connection
returns; the petition is stored once."""
import json

import pytest
from playwright.sync_api import expect

from portal.models import IdempotencyKey, Petition

pytestmark = pytest.mark.browser
SHOTS = "/work/notes/shots/s7-outbox-{}-{}.png"
CONTENT = "Nắp cống trước số 8 đường Trần Phú bị vỡ, xe máy sụp bánh mấy lần, đề nghị thay nắp mới sớm."


def shoot(page, name):
    """Screenshots at a phone's and a desk's width, for a person to look at (not compared)."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        try:
            height = min(page.evaluate("document.documentElement.scrollHeight"), 2000)
            page.screenshot(path=SHOTS.format(name, width), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": height})
        except OSError:
            pass  # no notes folder on this machine
    page.set_viewport_size({"width": 390, "height": 844})


def test_the_site_is_installable(page, live_server):
    manifest = page.request.get(live_server + "/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    data = json.loads(manifest.text())
    assert data["start_url"] == "/" and data["display"] == "standalone" and data["theme_color"] == "#a4161a"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}
    for icon in data["icons"]:
        assert page.request.get(live_server + icon["src"]).headers["content-type"] == "image/png"
    worker = page.request.get(live_server + "/sw.js")
    assert worker.headers["service-worker-allowed"] == "/" and worker.headers["cache-control"] == "no-cache"
    page.goto(live_server + "/")
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == live_server + "/"


def test_a_petition_written_offline_is_kept_and_sent_once_when_the_connection_returns(page, live_server, db):
    page.goto(live_server + "/gui-phan-anh")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.get_by_label("Tỉnh, thành phố").select_option("48")
    page.locator("#ward_code option[value='20257']").wait_for(state="attached")
    page.get_by_label("Xã, phường, đặc khu").select_option("20257")

    page.context.set_offline(True)
    expect(page.locator("#offline-banner")).to_be_visible()
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(CONTENT)
    page.get_by_role("button", name="Gửi phản ánh").click()
    expect(page.locator("#offline-draft")).to_have_text("Đã lưu, sẽ gửi khi có mạng.")
    shoot(page, "offline-saved")
    assert db.session.query(Petition).count() == 0

    page.reload()  # offline: the form comes from the service worker's copy, the draft from IndexedDB
    expect(page.get_by_role("heading", name="Gửi phản ánh, kiến nghị")).to_be_visible()
    expect(page.locator("#offline-banner")).to_be_visible()
    page.goto(live_server + "/minh-bach")  # never read: the offline page
    expect(page.get_by_role("heading", name="Không có kết nối mạng")).to_be_visible()
    shoot(page, "offline-page")
    page.go_back()

    page.context.set_offline(False)
    expect(page.locator("#petition-code")).to_contain_text("PA-")
    expect(page.locator("#offline-banner")).to_be_hidden()
    shoot(page, "offline-sent")
    code = page.locator("#petition-code").inner_text()
    db.session.expire_all()
    [petition] = db.session.query(Petition).all()
    assert (petition.code, petition.content, petition.ward_code) == (code, CONTENT, "20257")
    assert db.session.query(IdempotencyKey).one().key.startswith("web:")

    page.reload()  # the draft is gone: nothing is sent again
    page.wait_for_timeout(500)
    db.session.expire_all()
    assert db.session.query(Petition).count() == 1
