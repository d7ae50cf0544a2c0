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


def edit_category(client, db, code: str, **changes):
    category = db.session.query(Category).filter_by(code=code).one()
    url = f"/quan-tri/linh-vuc/{category.id}/sua"
    shown = {"name": category.name, "default_agency": category.default_agency.code,
             "deadline_days": str(category.deadline_days)}
    return form_post(client, url, {**shown, **{f"shown-{k}": v for k, v in shown.items()}, **changes})


def test_category_deadline_is_editable(client, db, login_as):
    login_as("admin")
    edit_category(client, db, "y-te", deadline_days="5")
    assert db.session.query(Category).filter_by(code="y-te").one().deadline_days == 5
    bad = edit_category(client, db, "y-te", deadline_days="500")
    assert bad.status_code == 422 and "Thời hạn từ 1 đến 90 ngày làm việc." in bad.get_data(as_text=True)


def test_every_administrative_change_is_in_the_audit_trail(client, db, login_as):
    import json

    from portal.models import AuditEntry

    admin_user = login_as("admin")
    edit_category(client, db, "y-te", deadline_days="9")
    form_post(client, "/quan-tri/tai-khoan", {"user-email": "moi@so-yt.gov.vn", "user-full_name": "Chuyên Viên Mới",
                                         "user-role": "agency_officer", "user-agency": "SO-YT"}, page_url="/quan-tri/")
    category = db.session.query(Category).filter_by(code="y-te").one()
    change = db.session.query(AuditEntry).filter_by(object_type="category", object_id=str(category.id),
                                                    action="update").one()
    assert (change.action, change.actor_id, change.actor_label) == ("update", admin_user.id, admin_user.email)
    old_days = json.loads(change.changes)["deadline_days"]
    assert old_days[1] == 9 and old_days[0] != 9
    created = db.session.query(AuditEntry).filter_by(object_type="user", action="create").order_by(AuditEntry.id.desc()).first()
    fields = json.loads(created.changes)
    assert fields["email"] == [None, "moi@so-yt.gov.vn"] and fields["password_hash"] == [None, "***"]
    page = client.get("/quan-tri/nhat-ky").get_data(as_text=True)
    assert "moi@so-yt.gov.vn" in page and "Thời hạn (ngày làm việc)" in page and "pbkdf2" not in page \
        and "scrypt" not in page


def test_dialogue_status_changes_are_audited_with_the_secretary(client, db, login_as):
    import json

    from portal.models import AuditEntry, DialogueSession

    secretary = login_as("secretariat")
    form_post(client, "/doi-thoai/", {"leader_name": "Nguyễn Văn Chủ Trì", "leader_office": "Chủ tịch UBND phường",
                                      "level": "commune", "held_at": "2026-11-02T08:00", "venue": "Nhà văn hoá",
                                      "participants": "40"}, page_url="/doi-thoai/")
    item = db.session.query(DialogueSession).one()
    form_post(client, f"/doi-thoai/{item.id}/da-to-chuc", {}, page_url=f"/doi-thoai/{item.id}")
    entries = db.session.query(AuditEntry).filter_by(object_type="dialogue_session").order_by(AuditEntry.id).all()
    assert [e.action for e in entries] == ["create", "update"]
    assert json.loads(entries[1].changes)["status"] == ["planned", "held"]
    assert all(e.actor_id == secretary.id for e in entries)
