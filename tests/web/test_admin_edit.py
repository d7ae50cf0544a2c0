"""Every admin edit form, tested the same way: it opens pre-filled from its record; sent back unchanged it changes
nothing and writes no audit row; with one field changed it changes exactly that field, and the audit trail shows
exactly that change, with a readable label and readable values, in Vietnam's time."""
from datetime import date, datetime

import pytest
from sqlalchemy import inspect

from portal.models import Agency, AuditEntry, CalendarDay, Category, RoutingRule
from tests.conftest import browser_form


def snapshot(db, record) -> dict:
    db.session.expire_all()
    db.session.refresh(record)
    return {attr.key: getattr(record, attr.key) for attr in inspect(record).mapper.column_attrs}


def category(db):
    return db.session.query(Category).filter_by(code="giao-thong").one()


def agency(db):
    return db.session.query(Agency).filter_by(code="SO-XD").one()


def rule(db):
    item = RoutingRule(category=category(db), agency=db.session.query(Agency).filter_by(code="UBND-XA").one(),
                       province_code="48")
    db.session.add(item)
    db.session.commit()
    return item


def day(db):
    item = CalendarDay(day=date(2026, 12, 1), kind="off", note="Nghỉ bù")
    db.session.add(item)
    db.session.commit()
    return item


def url_of(record) -> str:
    if isinstance(record, CalendarDay):
        return f"/quan-tri/ngay/{record.day.isoformat()}/sua"
    segment = {Category: "linh-vuc", Agency: "co-quan", RoutingRule: "quy-tac"}[type(record)]
    return f"/quan-tri/{segment}/{record.id}/sua"


# (record, form field, new value, changed column, audit label, readable old value, readable new value)
ONE_FIELD_EDITS = [
    (category, "deadline_days", "8", "deadline_days", "Thời hạn (ngày làm việc)", "10", "8"),
    (category, "default_agency", "SO-TC", "default_agency_id", "Cơ quan mặc định", "Sở Xây dựng", "Sở Tài chính"),
    (category, "name", "Giao thông vận tải", "name", "Tên", "Giao thông", "Giao thông vận tải"),
    (agency, "name", "Sở Xây dựng tỉnh", "name", "Tên", "Sở Xây dựng", "Sở Xây dựng tỉnh"),
    (agency, "parent", "VP-UBND", "parent_id", "Cơ quan cấp trên", "—", "Văn phòng UBND tỉnh"),
    (agency, "active", "0", "active", "Đang hoạt động", "có", "không"),
    (rule, "ward_code", "20257", "ward_code", "Xã, phường", "—", "Phường Hòa Cường"),
    (rule, "agency", "SO-XD", "agency_id", "Cơ quan", "UBND xã, phường", "Sở Xây dựng"),
    (day, "kind", "work", "kind", "Loại ngày", "ngày nghỉ thêm", "ngày làm bù"),
    (day, "note", "Nghỉ bù Quốc khánh", "note", "Ghi chú", "Nghỉ bù", "Nghỉ bù Quốc khánh"),
]
KINDS = sorted({edit[0] for edit in ONE_FIELD_EDITS}, key=lambda f: f.__name__)


@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_the_edit_form_opens_with_the_records_current_values(client, db, login_as, make):
    from portal.domain.admin import shown_values

    login_as("admin")
    record = make(db)
    kind = {"category": "category", "agency": "agency", "rule": "rule", "day": "day"}[make.__name__]
    sent = browser_form(client, url_of(record))
    assert {name: sent[name] for name in shown_values(kind, record)} == shown_values(kind, record)


@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_saving_an_unchanged_form_changes_nothing_and_writes_no_audit_row(client, db, login_as, make):
    login_as("admin")
    record = make(db)
    before, audit_rows = snapshot(db, record), db.session.query(AuditEntry).count()
    response = client.post(url_of(record), data=browser_form(client, url_of(record)), follow_redirects=True)
    assert response.status_code == 200
    assert "Không có thay đổi nào để lưu." in response.get_data(as_text=True)
    assert snapshot(db, record) == before
    assert db.session.query(AuditEntry).count() == audit_rows


@pytest.mark.parametrize("make, field, value, column, label, old, new", ONE_FIELD_EDITS,
                         ids=[f"{e[0].__name__}-{e[1]}" for e in ONE_FIELD_EDITS])
def test_changing_one_field_changes_exactly_that_field_and_the_audit_shows_exactly_that(
        client, db, login_as, make, field, value, column, label, old, new):
    login_as("admin")
    record = make(db)
    before, last_audit = snapshot(db, record), db.session.query(AuditEntry.id).order_by(AuditEntry.id.desc()).first()
    sent = browser_form(client, url_of(record))
    sent[field] = value
    response = client.post(url_of(record), data=sent, follow_redirects=True)
    assert "Đã lưu thay đổi." in response.get_data(as_text=True)
    after = snapshot(db, record)
    assert {key for key in after if after[key] != before[key]} == {column}
    entries = db.session.query(AuditEntry).filter(AuditEntry.id > (last_audit[0] if last_audit else 0)).all()
    assert len(entries) == 1 and list(__import__("json").loads(entries[0].changes)) == [column]
    page = client.get("/quan-tri/nhat-ky").get_data(as_text=True)
    row = page[page.index('id="audit-trail"'):].split("</tr>")[1]
    assert row.count("<li>") == 1
    assert f"<strong>{label}</strong>: {old} → {new}</li>" in row
    assert column not in row


def test_a_field_someone_else_changed_meanwhile_is_refused_and_other_fields_still_save(client, db, login_as):
    login_as("admin")
    record = category(db)
    url = url_of(record)
    first, second = browser_form(client, url), browser_form(client, url)
    first["deadline_days"] = "8"
    client.post(url, data=first)
    second["deadline_days"] = "12"
    refused = client.post(url, data=second)
    assert refused.status_code == 409
    assert "vừa được người khác sửa" in refused.get_data(as_text=True)
    assert category(db).deadline_days == 8
    third = dict(second, deadline_days=second["shown-deadline_days"], name="Giao thông công cộng")
    assert client.post(url, data=third).status_code == 302
    assert (category(db).name, category(db).deadline_days) == ("Giao thông công cộng", 8)


@pytest.mark.parametrize("field, value, message", [
    ("deadline_days", "0", "Thời hạn từ 1 đến 90 ngày làm việc."),
    ("deadline_days", "abc", "Thời hạn từ 1 đến 90 ngày làm việc."),
    ("default_agency", "KHONG-CO", "Cơ quan không tồn tại."),
    ("name", "", "Trường này không được để trống."),
])
def test_an_invalid_value_is_refused_in_the_users_language_and_saves_nothing(client, db, login_as, field, value,
                                                                              message):
    login_as("admin")
    record = category(db)
    before = snapshot(db, record)
    sent = dict(browser_form(client, url_of(record)), **{field: value})
    response = client.post(url_of(record), data=sent)
    assert response.status_code in (400, 422)
    assert message in response.get_data(as_text=True)
    assert snapshot(db, record) == before


def test_a_ward_outside_the_rules_province_is_refused(client, db, login_as):
    login_as("admin")
    record = rule(db)
    sent = dict(browser_form(client, url_of(record)), ward_code="00004")  # a ward of Hà Nội, the rule is Đà Nẵng's
    response = client.post(url_of(record), data=sent)
    assert response.status_code == 422
    assert "Xã/phường không thuộc tỉnh đã chọn." in response.get_data(as_text=True)


def test_the_rule_form_offers_the_provinces_wards_by_name(client, db, login_as):
    login_as("admin")
    page = client.get(url_of(rule(db))).get_data(as_text=True)
    assert '<option value="20257">Phường Hòa Cường</option>' in page


def test_the_admin_index_lists_records_and_links_each_to_its_edit_page(client, db, login_as):
    login_as("admin")
    record = rule(db)
    page = client.get("/quan-tri/").get_data(as_text=True)
    for url in (url_of(category(db)), url_of(agency(db)), url_of(record)):
        assert f'href="{url}"' in page
    assert "/quan-tri/category" not in page  # categories are edited on their own page, pre-filled


def test_edit_pages_are_for_administrators_only(client, db, login_as):
    login_as("coordinator", "VP-UBND")
    assert client.get(url_of(category(db))).status_code == 403
    assert client.post(url_of(category(db)), data={"deadline_days": "3"}).status_code in (400, 403)


def test_an_unknown_record_is_a_404(client, db, login_as):
    login_as("admin")
    for url in ("/quan-tri/linh-vuc/999999/sua", "/quan-tri/co-quan/99999999999999999999/sua",
                "/quan-tri/ngay/2026-13-45/sua", "/quan-tri/khac/1/sua"):
        assert client.get(url).status_code == 404


def test_the_audit_trail_is_in_vietnams_time_with_names_and_role_labels(client, db, login_as, make_user):
    officer = make_user("agency_officer", "SO-YT", email="moi@so-yt.gov.vn", full_name="Chuyên Viên Mới")
    login_as("admin")
    entry = db.session.query(AuditEntry).filter_by(object_type="user", object_id=str(officer.id), action="create").one()
    entry.at = datetime(2026, 11, 2, 1, 30)  # 08:30 in Vietnam
    db.session.commit()
    page = client.get("/quan-tri/nhat-ky").get_data(as_text=True)
    row = page[page.index('id="audit-trail"'):]
    assert "02/11/2026 08:30:00" in row
    assert "Tài khoản: Chuyên Viên Mới" in row
    assert "<strong>Vai trò</strong>: Chuyên viên cơ quan" in row
    assert "<strong>Cơ quan</strong>: Sở Y tế" in row
    assert "agency_officer" not in row and "agency_id" not in row


def test_every_audited_field_has_a_readable_label():
    from portal.domain.audit import AUDITED, FIELD_LABELS, IGNORED, OBJECT_LABELS

    for model in AUDITED:
        assert model.__tablename__ in OBJECT_LABELS
        for attr in inspect(model).column_attrs:
            assert attr.key in FIELD_LABELS or attr.key in IGNORED, f"{model.__name__}.{attr.key} has no label"


def test_a_link_set_through_a_relationship_is_audited(db):
    """category.default_agency = agency sets the id only during the flush: the trail must still record it."""
    import json

    record = category(db)
    record.default_agency = db.session.query(Agency).filter_by(code="SO-TC").one()
    db.session.commit()
    entry = db.session.query(AuditEntry).filter_by(object_type="category", action="update").one()
    assert list(json.loads(entry.changes)) == ["default_agency_id"]
