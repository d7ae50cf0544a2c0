"""In Chromium at a phone's width: the public calendar of reception days and dialogues, filtering it, and sending a
question before a session (the answer of the proof of work found by the browser goes with it)."""
import os

import pytest
from playwright.sync_api import expect

from portal.models import Petition
from tests.web.test_calendar_pages import planned

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOT_DIR")  # set to keep screenshots of the pages (the report's /work/notes/shots)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"s7-leaders-{name}.png"), full_page=True)


def test_a_citizen_finds_a_session_on_the_calendar_and_sends_a_question(page, live_server, db):
    youth = planned(db, group="thanh-nien")
    province = planned(db, level="province", kind="reception", days=9, topics="Tiếp công dân định kỳ",
                       venue="Trụ sở Tiếp công dân thành phố, 24 Trần Phú")
    page.goto(live_server + "/lich-tiep-dan")
    expect(page.locator(f"#session-{youth.id}")).to_contain_text("Thanh niên")
    expect(page.locator(f"#session-{province.id}")).to_contain_text("Tiếp công dân định kỳ: Lãnh đạo province")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    shot(page, "calendar-390")
    page.get_by_label("Nhóm đối tượng").select_option("thanh-nien")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator(f"#session-{province.id}")).to_have_count(0)
    page.locator(f"#session-{youth.id}").get_by_role("link", name="Gửi câu hỏi trước").click()
    page.get_by_label("Câu hỏi, kiến nghị của bạn").fill(
        "Thanh niên thôn 3 muốn vay vốn khởi nghiệp trồng rau sạch, xin hỏi điều kiện và thủ tục vay ở đâu?")
    page.get_by_label("Số điện thoại").fill("0905 123 456")
    shot(page, "question-390")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    code = page.locator("#petition-code").inner_text()
    petition = db.session.query(Petition).filter_by(code=code).one()
    assert (petition.dialogue_session_id, petition.channel, petition.reporter_phone) == (youth.id, "dialogue",
                                                                                         "0905123456")


def test_a_short_question_is_refused_beside_its_field(page, live_server, db):
    item = planned(db)
    page.goto(f"{live_server}/lich-tiep-dan/{item.id}/cau-hoi")
    page.get_by_label("Câu hỏi, kiến nghị của bạn").fill("Hỏi ngắn")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator(".error-summary")).to_contain_text("Nội dung cần từ 20")
    assert db.session.query(Petition).count() == 0
