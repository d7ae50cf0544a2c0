"""In Chromium: the head draws a region over a plate with the mouse, adds and removes one with the keyboard,
publishes the photo, and the public page shows the blurred copy once the answer is published."""
import io
import json
import random

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from portal.domain import workflow
from portal.domain.media import attach_photo
from portal.media_storage import storage_for
from portal.models import PetitionPhoto
from tests.browser.test_agency_flow import sign_in

pytestmark = pytest.mark.browser
SHOTS = "/work/notes/shots/s7-photos-staff-{}-{}.png"
ANSWER = "<p>Sở đã cho vá ổ gà và kẻ lại vạch sơn đoạn gần chợ, cảm ơn ông/bà đã phản ánh.</p>"


def street_photo() -> bytes:
    """A street with a pothole and a car whose plate is fine detail: what a head would blur."""
    image = Image.new("RGB", (960, 640), (150, 190, 225))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 960, 640), fill=(90, 90, 95))
    draw.ellipse((180, 430, 420, 520), fill=(45, 40, 38))
    draw.rectangle((560, 260, 880, 420), fill=(200, 30, 40))
    rng = random.Random(7)
    for x in range(640, 800, 4):  # the plate: black and white detail
        for y in range(380, 412, 4):
            draw.rectangle((x, y, x + 3, y + 3), fill=(255, 255, 255) if rng.random() > .5 else (0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


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


def test_head_blurs_the_plate_publishes_the_photo_and_the_public_sees_the_blurred_copy(
        page, live_server, app, db, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    photo = attach_photo(db.session, storage_for(app), petition, street_photo())
    attach_photo(db.session, storage_for(app), petition, street_photo())
    db.session.commit()
    head = make_user("agency_head", "SO-XD")
    sign_in(page, live_server, head)
    page.goto(f"{live_server}/co-quan/phan-anh/{petition.code}")
    card = page.locator(f"#photo-{photo.id}")
    expect(card.get_by_role("img", name=f"Ảnh 1 của phản ánh {petition.code}").first).to_be_visible()
    card.locator("summary").click()
    layer = card.locator(".blur-layer")
    expect(layer).to_be_visible()
    layer.scroll_into_view_if_needed()
    box = layer.bounding_box()
    # The plate lies at 640–800 × 380–412 of 960 × 640: drag a little around it.
    page.mouse.move(box["x"] + box["width"] * 0.65, box["y"] + box["height"] * 0.57)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, box["y"] + box["height"] * 0.66, steps=6)
    page.mouse.up()
    regions = card.locator(".blur-regions li")
    expect(regions).to_have_count(1)
    expect(regions.first).to_contain_text("Vùng 1")
    layer.focus()
    page.keyboard.press("Enter")  # a second region from the keyboard, moved right, then removed
    page.keyboard.press("ArrowRight")
    expect(regions).to_have_count(2)
    card.get_by_role("button", name="Xoá vùng 2").click()
    expect(regions).to_have_count(1)
    drawn = json.loads(card.locator(f'input[name="photo{photo.id}-regions"]').input_value())
    assert len(drawn) == 1
    x, y, w, h = drawn[0]
    assert 0.6 < x < 0.7 and 0.5 < y < 0.62 and 0.15 < w < 0.25 and 0.05 < h < 0.13
    card.get_by_label("Công bố ảnh này cùng câu trả lời").check()
    shoot(page, "item-drawing")
    card.get_by_role("button", name="Lưu quyết định về ảnh").click()
    expect(page.locator("body")).to_contain_text("Ảnh 1 sẽ được công khai cùng câu trả lời.")
    expect(page.locator(f"#photo-{photo.id}")).to_contain_text("che mờ 1 vùng")
    expect(page.locator(f"#photo-{photo.id}").get_by_role("img", name="Bản công khai của ảnh 1 (đã che mờ)")) \
        .to_be_visible()
    shoot(page, "item")
    db.session.expire_all()
    assert db.session.get(PetitionPhoto, photo.id).blurred_regions == 1

    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), ANSWER)
    workflow.approve_answer(db.session, petition, head)
    db.session.commit()
    page.goto(f"{live_server}/p/{petition.code}")
    photos = page.locator(".public-photos img")
    expect(photos).to_have_count(1)
    expect(photos.first).to_have_attribute("alt", f"Ảnh 1 của phản ánh {petition.code}")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photos.first.element_handle())
    shoot(page, "public")


def test_the_committee_sees_the_photos_read_only_on_a_phone_and_a_desk(page, live_server, app, db, make_user,
                                                                      petition_factory):
    petition = petition_factory(category="giao-thong")
    attach_photo(db.session, storage_for(app), petition, street_photo())
    db.session.commit()
    sign_in(page, live_server, make_user("committee"))
    page.goto(f"{live_server}/ban-dan-van/phan-anh/{petition.code}")
    link = page.get_by_role("link", name=f"Ảnh 1 của phản ánh {petition.code}")
    link.focus()  # reachable from the keyboard
    expect(link).to_be_focused()
    expect(page.get_by_role("button", name="Lưu quyết định về ảnh")).to_have_count(0)
    shoot(page, "committee-item")
