"""Every page that changes an audited record names the signed-in user in the audit trail: each domain action declares
its actor (audit.acting_as), and a page that forgot to pass one would show here as "hệ thống"."""
from datetime import date, timedelta

import pytest

from portal.domain import accounts
from portal.domain import dialogue as dialogues
from portal.domain.calendar import local_now
from portal.models import Agency, AuditEntry, CalendarDay, Category, DialogueSession, RoutingRule, User
from portal.models.base import utcnow
from tests.conftest import browser_form, form_post, login

PASSWORD = "mật-khẩu-thử-123"
DAY = date(2026, 12, 1)


# --- records a page changes, made beforehand by the test itself (the trail says "hệ thống" for those) ------------

def nothing(db):
    return None


def category(db) -> Category:
    return db.session.query(Category).filter_by(code="giao-thong").one()


def agency(db) -> Agency:
    return db.session.query(Agency).filter_by(code="SO-XD").one()


def rule(db) -> RoutingRule:
    item = RoutingRule(category=category(db), agency=db.session.query(Agency).filter_by(code="UBND-XA").one(),
                       province_code="48")
    db.session.add(item)
    db.session.commit()
    return item


def day(db) -> CalendarDay:
    item = CalendarDay(day=DAY, kind="off", note="Nghỉ bù")
    db.session.add(item)
    db.session.commit()
    return item


def officer(db) -> User:
    user = User(email="cu@so-xd.gov.vn", full_name="Chuyên Viên Cũ", role="agency_officer", agency=agency(db))
    user.set_password(PASSWORD)
    db.session.add(user)
    db.session.commit()
    return user


def planned_dialogue(db) -> DialogueSession:
    item = dialogues.create_session(db.session, leader_name="Nguyễn Văn Chủ Trì", leader_office="Chủ tịch UBND phường",
                                    level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá",
                                    participants=40, topics="Đường sá", conclusion_days=3)
    db.session.commit()
    return item


def held_dialogue(db) -> DialogueSession:
    item = planned_dialogue(db)
    dialogues.mark_held(item)
    db.session.commit()
    return item


# --- what the signed-in user does on the page ---------------------------------------------------------------------

def add_rule(client, record):
    form_post(client, "/quan-tri/rule", {"rule-category": "giao-thong", "rule-agency": "UBND-XA",
                                         "rule-province_code": "48", "rule-ward_code": ""}, page_url="/quan-tri/")


def add_day(client, record):
    form_post(client, "/quan-tri/day", {"day-day": DAY.isoformat(), "day-kind": "off", "day-note": "Nghỉ bù"},
              page_url="/quan-tri/")


def add_agency(client, record):
    form_post(client, "/quan-tri/agency", {"agency-code": "SO-MOI", "agency-name": "Sở Mới"}, page_url="/quan-tri/")


def edit_page(record) -> str:
    if isinstance(record, CalendarDay):
        return f"/quan-tri/ngay/{record.day.isoformat()}/sua"
    segment = {Category: "linh-vuc", Agency: "co-quan", RoutingRule: "quy-tac"}[type(record)]
    return f"/quan-tri/{segment}/{record.id}/sua"


def edit(field: str, value: str):
    def edit_one_field(client, record):
        sent = browser_form(client, edit_page(record))
        sent[field] = value
        client.post(edit_page(record), data=sent)
    edit_one_field.__name__ = f"edit_{field}"
    return edit_one_field


def delete_rule(client, record):
    form_post(client, f"/quan-tri/quy-tac/{record.id}/xoa", {}, page_url="/quan-tri/")


def delete_day(client, record):
    form_post(client, f"/quan-tri/ngay/{record.day.isoformat()}/xoa", {}, page_url="/quan-tri/")


def create_account(client, record):
    form_post(client, "/quan-tri/tai-khoan", {"user-email": "moi@so-yt.gov.vn", "user-full_name": "Chuyên Viên Mới",
                                             "user-role": "agency_officer", "user-agency": "SO-YT"})


def edit_account(client, record):
    form_post(client, f"/quan-tri/tai-khoan/{record.id}", {"email": record.email, "full_name": "Tên Mới",
                                                           "role": "agency_head", "agency": "SO-XD", "active": "y"})


def reset_password(client, record):
    form_post(client, f"/quan-tri/tai-khoan/{record.id}/dat-lai-mat-khau", {},
              page_url=f"/quan-tri/tai-khoan/{record.id}")


def mark_single_approver(client, record):
    form_post(client, "/quan-tri/co-quan/SO-XD/mot-nguoi-duyet", {}, page_url="/quan-tri/tai-khoan")


def create_dialogue(client, record):
    held_at = (local_now() - timedelta(days=1)).strftime("%Y-%m-%dT08:00")
    form_post(client, "/doi-thoai/", {"leader_name": "Nguyễn Văn Chủ Trì", "leader_office": "Chủ tịch UBND phường",
                                      "level": "commune", "held_at": held_at, "venue": "Nhà văn hoá",
                                      "participants": "40"}, page_url="/doi-thoai/")


def hold_dialogue(client, record):
    form_post(client, f"/doi-thoai/{record.id}/da-to-chuc", {}, page_url=f"/doi-thoai/{record.id}")


def conclude_dialogue(client, record):
    form_post(client, f"/doi-thoai/{record.id}/ket-luan",
              {"conclusion": "Kết luận: giao Sở Xây dựng sửa mặt đường Nguyễn Văn Linh trong tháng."},
              page_url=f"/doi-thoai/{record.id}")


def file_explanation(client, record):
    form_post(client, "/co-quan/giai-trinh", {"body": "Tỷ lệ trả lời đúng hạn thấp vì thiếu cán bộ; sở đã phân công "
                                                      "thêm hai chuyên viên và họp giao ban mỗi tuần."})


def change_password(client, record):
    form_post(client, "/dang-nhap/mat-khau", {"current_password": PASSWORD, "new_password": "mật-khẩu-mới-456",
                                             "confirm": "mật-khẩu-mới-456"})


# (who signs in, the record made beforehand, what they do, the changes the trail must show)
PAGES = [
    ("admin", nothing, add_rule, {("routing_rule", "create")}),
    ("admin", nothing, add_day, {("calendar_day", "create")}),
    ("admin", nothing, add_agency, {("agency", "create")}),
    ("admin", category, edit("deadline_days", "8"), {("category", "update")}),
    ("admin", agency, edit("name", "Sở Xây dựng tỉnh"), {("agency", "update")}),
    ("admin", rule, edit("ward_code", "20257"), {("routing_rule", "update")}),
    ("admin", day, edit("note", "Nghỉ bù Quốc khánh"), {("calendar_day", "update")}),
    ("admin", rule, delete_rule, {("routing_rule", "delete")}),
    ("admin", day, delete_day, {("calendar_day", "delete")}),
    ("admin", nothing, create_account, {("user", "create")}),
    ("admin", officer, edit_account, {("user", "update")}),
    ("admin", officer, reset_password, {("user", "update")}),
    ("admin", nothing, mark_single_approver, {("agency", "update")}),
    ("secretariat", nothing, create_dialogue, {("dialogue_session", "create")}),
    ("secretariat", planned_dialogue, hold_dialogue, {("dialogue_session", "update")}),
    ("secretariat", held_dialogue, conclude_dialogue, {("dialogue_session", "update")}),
    ("agency_head", nothing, file_explanation, {("explanation", "create")}),
    ("agency_officer", nothing, change_password, {("user", "update")}),
]


def last_audit_id(db) -> int:
    return db.session.query(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1).scalar() or 0


@pytest.mark.parametrize("role, make, act, changes", PAGES,
                         ids=[page[2].__name__ for page in PAGES])
def test_every_audit_entry_written_through_a_staff_page_names_the_signed_in_user(client, db, make_user, role, make,
                                                                                act, changes):
    user = make_user(role, "SO-XD" if role.startswith("agency") else None, password=PASSWORD)
    record = make(db)
    login(client, user)
    since = last_audit_id(db)
    act(client, record)
    entries = db.session.query(AuditEntry).filter(AuditEntry.id > since).all()
    assert {(entry.object_type, entry.action) for entry in entries} == changes
    assert {(entry.actor_id, entry.actor_label) for entry in entries} == {(user.id, user.email)}


def test_a_password_set_through_a_link_is_audited_as_the_accounts_own_change(app, db):
    user = officer(db)
    token = accounts.issue_password_link(db.session, user)
    db.session.commit()
    since = last_audit_id(db)
    form_post(app.test_client(), f"/dang-nhap/dat-mat-khau/{token}", {"new_password": "mật-khẩu-mới-456",
                                                                       "confirm": "mật-khẩu-mới-456"})
    entries = db.session.query(AuditEntry).filter(AuditEntry.id > since).all()
    assert [(entry.object_type, entry.action, entry.actor_id, entry.actor_label) for entry in entries] == [
        ("user", "update", user.id, user.email)]
