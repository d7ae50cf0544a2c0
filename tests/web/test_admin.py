from datetime import date

from portal.domain.calendar import add_working_days, load_overrides
from portal.models import Category, Petition, RoutingRule
from tests.conftest import VALID_CONTENT, form_post


def test_only_admins_reach_administration(client, login_as):
    login_as("coordinator", "VP-UBND")
    assert client.get("/quan-tri/").status_code == 403


def test_a_ward_routing_rule_sends_new_petitions_to_the_commune(client, db, login_as, petition_factory):
    login_as("admin")
    response = form_post(client, "/quan-tri/rule", {"rule-category": "giao-thong", "rule-agency": "UBND-XA",
                                                    "rule-province_code": "48", "rule-ward_code": "20257"},
                         page_url="/quan-tri/")
    assert response.status_code == 302
    assert db.session.query(RoutingRule).count() == 1
    in_ward = petition_factory(category="giao-thong", ward_code="20257")
    elsewhere = petition_factory(category="giao-thong", ward_code="20260")
    assert in_ward.agency.code == "UBND-XA" and elsewhere.agency.code == "SO-XD"


def test_an_extra_day_off_moves_due_dates(client, db, login_as):
    login_as("admin")
    response = form_post(client, "/quan-tri/day", {"day-day": "2026-12-01", "day-kind": "off", "day-note": "Nghỉ bù"},
                         page_url="/quan-tri/")
    assert response.status_code == 302
    overrides = load_overrides(db.session)
    assert add_working_days(date(2026, 11, 30), 1, overrides) == date(2026, 12, 2)


def test_category_deadline_is_editable(client, db, login_as):
    login_as("admin")
    form_post(client, "/quan-tri/category", {"cat-code": "y-te", "cat-agency": "SO-YT", "cat-deadline_days": "5"},
              page_url="/quan-tri/")
    assert db.session.query(Category).filter_by(code="y-te").one().deadline_days == 5
    bad = form_post(client, "/quan-tri/category", {"cat-code": "y-te", "cat-agency": "SO-YT", "cat-deadline_days": "500"},
                    page_url="/quan-tri/", follow_redirects=True)
    assert "Dữ liệu không hợp lệ" in bad.get_data(as_text=True)


def test_new_account_password_is_shown_once(client, db, login_as):
    login_as("admin")
    page = form_post(client, "/quan-tri/user", {"user-email": "moi@so-yt.gov.vn", "user-full_name": "Chuyên Viên Mới",
                                                "user-role": "agency_officer", "user-agency": "SO-YT"},
                     page_url="/quan-tri/", follow_redirects=True).get_data(as_text=True)
    assert "Mật khẩu (chỉ hiện một lần)" in page
