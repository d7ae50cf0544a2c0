"""In Chromium: "tôi cũng gặp" counts once across reloads, and the anonymous forms go out with the proof of work the
browser found (static/js/pow.js, static/js/support.js); without JavaScript they still go out."""
import pytest
from playwright.sync_api import expect

from portal.models import Petition, SpentProof
from tests.domain.test_support import published

pytestmark = pytest.mark.browser


def test_support_is_counted_once_across_reloads(page, live_server, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page.goto(f"{live_server}/p/{petition.code}")
    button = page.get_by_role("button", name="Tôi cũng gặp vấn đề này")
    expect(page.locator("[data-support-count]")).to_have_text("0")
    button.click()
    # Updated in place: the same page, no reload, the count and the button changed.
    expect(page.locator("[data-support-count]")).to_have_text("1")
    expect(page.get_by_role("button", name="Bạn đã ủng hộ phản ánh này")).to_be_disabled()
    expect(page.locator("[data-support-message]")).to_have_text(
        "Cảm ơn bạn. Ý kiến “tôi cũng gặp” của bạn đã được ghi nhận.")  # read out by screen readers (role=status)
    assert page.locator(".flash").count() == 0
    page.reload()
    expect(page.locator("[data-support-count]")).to_have_text("1")
    expect(page.get_by_role("button", name="Bạn đã ủng hộ phản ánh này")).to_be_disabled()
    db.session.expire_all()
    assert db.session.get(Petition, petition.id).supporters == 1
    assert db.session.query(SpentProof).count() == 1  # sent with the answer pow.js found


def test_the_petition_form_goes_out_with_the_proof_solved_in_the_browser(page, live_server, db):
    page.goto(live_server + "/gui-phan-anh")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(
        "Đèn chiếu sáng trên đường Trần Phú hỏng đã hai tuần, buổi tối rất tối và nguy hiểm cho người đi đường.")
    page.get_by_role("button", name="Gửi phản ánh").click()
    assert page.locator("#petition-code").inner_text().startswith("PA-")
    assert db.session.query(SpentProof).count() == 1


def test_without_javascript_the_forms_still_go_out(browser, live_server, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    context = browser.new_context(locale="vi-VN", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server + "/gui-phan-anh")
        assert "tắt JavaScript" in page.content()  # the <noscript> note on the stricter limit
        page.get_by_label("Nội dung phản ánh, kiến nghị").fill(
            "Rác thải tập kết trên vỉa hè đường Hùng Vương nhiều ngày chưa được thu gom, bốc mùi hôi.")
        page.get_by_role("button", name="Gửi phản ánh").click()
        assert page.locator("#petition-code").inner_text().startswith("PA-")
        page.goto(f"{live_server}/p/{petition.code}")
        page.get_by_role("button", name="Tôi cũng gặp vấn đề này").click()
        expect(page.locator(".flash")).to_contain_text("đã được ghi nhận")
        expect(page.get_by_role("button", name="Bạn đã ủng hộ phản ánh này")).to_be_disabled()
    finally:
        context.close()
    assert db.session.query(SpentProof).count() == 0
