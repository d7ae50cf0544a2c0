"""In Chromium: an administrator changes only a category's deadline, and a coordinator assigns by hand."""
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from portal.domain.calendar import local_today
from portal.models import Category

pytestmark = pytest.mark.browser
SHOTS = "/work/notes/shots/staff-admin-{}-{}.png"


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
            height = min(page.evaluate("document.documentElement.scrollHeight"), 2000)
            page.screenshot(path=SHOTS.format(name, width), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": height})
        except OSError:
            pass  # no notes folder on this machine
    page.set_viewport_size({"width": 390, "height": 844})


def test_admin_changes_only_a_categorys_deadline_and_the_audit_shows_only_that(page, live_server, db, make_user):
    sign_in(page, live_server, make_user("admin"))
    page.goto(live_server + "/quan-tri/#categories")
    page.get_by_role("link", name="Sửa Giao thông").click()
    deadline = page.get_by_label("Thời hạn (ngày làm việc, 1–90)")
    expect(deadline).to_have_value("10")
    expect(page.get_by_label("Cơ quan mặc định")).to_have_value("SO-XD")
    deadline.fill("8")
    shoot(page, "category-edit")
    page.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.locator("body")).to_contain_text("Đã lưu thay đổi.")
    db.session.expire_all()
    category = db.session.query(Category).filter_by(code="giao-thong").one()
    assert (category.deadline_days, category.default_agency.code) == (8, "SO-XD")
    page.goto(live_server + "/quan-tri/nhat-ky")
    newest = page.locator("#audit-trail tbody tr").first
    expect(newest).to_contain_text("Lĩnh vực: Giao thông")
    expect(newest.locator("li")).to_have_count(1)
    expect(newest.locator("li")).to_have_text("Thời hạn (ngày làm việc): 10 → 8")
    shoot(page, "audit")


def test_coordinator_changes_the_agency_and_rõ_người_follows_and_a_past_date_is_refused(
        page, live_server, db, make_user, petition_factory):
    make_user("agency_head", "SO-TC", full_name="Nguyễn Thị Tài Chính")
    petition = petition_factory(category="giao-thong", triage=True)
    sign_in(page, live_server, make_user("coordinator", "VP-UBND"))
    page.goto(f"{live_server}/co-quan/dieu-phoi/{petition.code}")
    official = page.get_by_label("Người chịu trách nhiệm (rõ người)")
    expect(official).to_have_value("Lãnh đạo Sở Xây dựng")
    page.get_by_label("Cơ quan chủ trì (rõ trách nhiệm)").select_option(label="Sở Tài chính")
    expect(official).to_have_value("Nguyễn Thị Tài Chính, lãnh đạo Sở Tài chính")
    yesterday = local_today() - timedelta(days=1)
    page.get_by_label("Thời hạn (rõ thời gian)").fill(yesterday.isoformat())
    page.get_by_role("button", name="Giao việc").click()
    expect(page.locator("body")).to_contain_text(f"Thời hạn không được trước hôm nay ({local_today():%d/%m/%Y}).")
    expect(official).to_have_value("Nguyễn Thị Tài Chính, lãnh đạo Sở Tài chính")
    shoot(page, "assign-refused")
    db.session.refresh(petition)
    assert petition.status == "received"


def test_a_routing_rules_ward_is_chosen_by_name_from_the_provinces_wards(page, live_server, db, make_user):
    from portal.models import Agency, RoutingRule

    rule = RoutingRule(category=db.session.query(Category).filter_by(code="giao-thong").one(),
                       agency=db.session.query(Agency).filter_by(code="UBND-XA").one(), province_code="48")
    db.session.add(rule)
    db.session.commit()
    sign_in(page, live_server, make_user("admin"))
    page.goto(live_server + "/quan-tri/")
    shoot(page, "index")
    page.goto(f"{live_server}/quan-tri/quy-tac/{rule.id}/sua")
    ward = page.get_by_label("Xã/phường (không bắt buộc)")
    ward.select_option(label="Phường Hòa Cường")
    shoot(page, "rule-edit")
    page.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.locator("#record-history")).to_contain_text("Xã, phường: — → Phường Hòa Cường")
    db.session.refresh(rule)
    assert rule.ward_code == "20257"
    page.get_by_label("Tỉnh (không bắt buộc)").select_option(label="Thành phố Hà Nội")
    expect(ward.locator("option", has_text="Phường Hòa Cường")).to_have_count(0)
    expect(ward.locator("option", has_text="Phường Ba Đình")).to_have_count(1)
