"""Leaders' offices and obligations (Quy định 11-QĐi/TW), planned sessions, questions asked ahead, compliance."""
from datetime import date, datetime, timedelta

import pytest

from portal.domain import dialogue as dialogues
from portal.domain import leaders
from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.intake import route_pending
from portal.domain.petitions import PetitionDraft
from portal.models import AuditEntry, Petition
from tests.conftest import VALID_CONTENT

PROVINCE, WARD = "48", "20275"  # Đà Nẵng and one of its wards (portal/domain/places.py)


def province_office(db, name="Nguyễn Văn Tỉnh", starts_on=date(2025, 7, 1)):
    return leaders.create_office(db.session, title="Bí thư Tỉnh ủy", level="province", place_code=PROVINCE,
                                 holder_name=name, starts_on=starts_on)


def commune_office(db, name="Trần Thị Xã", starts_on=date(2025, 7, 1)):
    return leaders.create_office(db.session, title="Chủ tịch UBND xã", level="commune", place_code=WARD,
                                 holder_name=name, starts_on=starts_on)


def held(db, office, local_day: date, kind="reception", hour=2, conclude_after_days=None):
    """A session of the office held at 09:00 Vietnam time that day (02:00 UTC)."""
    at = datetime(local_day.year, local_day.month, local_day.day, hour, 0)
    item = dialogues.create_session(db.session, held_at=at, venue="Trụ sở tiếp công dân", participants=10,
                                    topics="Đất đai", conclusion_days=3, kind=kind, office=office)
    dialogues.mark_held(item, now=at + timedelta(hours=3))
    if conclude_after_days is not None:
        dialogues.publish_conclusion(item, "Kết luận: giao các cơ quan giải quyết các kiến nghị trong tháng.",
                                     now=at + timedelta(days=conclude_after_days))
    db.session.flush()
    return item


def by_holder(rows):
    return {row.holder.name: row for row in rows}


def test_a_new_office_carries_the_default_obligations_of_its_level_each_with_its_source(db):
    province, commune = province_office(db), commune_office(db)
    # Quy định 11-QĐi/TW sets no periodic dialogue for a province's head (one when citizens ask or when needed).
    assert {(o.kind, o.count, o.period) for o in province.obligations} == {("reception", 1, "month")}
    assert {(o.kind, o.count, o.period) for o in commune.obligations} == {("reception", 2, "month"),
                                                                         ("dialogue", 1, "year")}
    sources = {(office.level, o.kind): leaders.obligation_source(office, o)
               for office in (province, commune) for o in office.obligations}
    assert sources[("province", "reception")].startswith("Quy định 11-QĐi/TW")
    assert "ít nhất 2 ngày trong 1 tháng" in sources[("commune", "reception")]
    assert sources[("commune", "dialogue")].startswith("Luật Tổ chức chính quyền địa phương 2025, Điều 43")


def test_an_obligation_an_admin_changed_has_no_source(db):
    office = province_office(db)
    leaders.set_obligation(db.session, office, kind="reception", period="month", count=3)
    assert leaders.obligation_source(office, office.obligations[0]) == ""


def test_the_secretariat_address_is_validated_normalised_and_audited(db, make_user):
    admin = make_user("admin")
    office = province_office(db)
    db.session.commit()
    with pytest.raises(ValidationFailed) as refused:
        leaders.set_secretariat_email(db.session, office, "văn phòng@", actor=admin)
    assert refused.value.field == "secretariat_email"
    leaders.set_secretariat_email(db.session, office, "  VanPhong@DaNang.gov.vn ", actor=admin)
    db.session.commit()
    assert office.secretariat_email == "VanPhong@danang.gov.vn"
    entry = db.session.query(AuditEntry).filter_by(object_type="leader_office", action="update",
                                                   actor_id=admin.id).one()
    assert "secretariat_email" in entry.changes
    leaders.set_secretariat_email(db.session, office, "", actor=admin)
    assert office.secretariat_email is None


def test_an_unknown_place_or_level_is_refused(db):
    with pytest.raises(ValidationFailed):
        leaders.create_office(db.session, title="Chủ tịch", level="district", place_code=PROVINCE, holder_name="A",
                              starts_on=date(2026, 1, 1))
    with pytest.raises(ValidationFailed):
        leaders.create_office(db.session, title="Chủ tịch", level="commune", place_code="99999999", holder_name="A",
                              starts_on=date(2026, 1, 1))


def test_editing_an_obligation_is_audited_with_the_admin(db, make_user):
    admin = make_user("admin")
    office = province_office(db)
    db.session.commit()
    leaders.set_obligation(db.session, office, kind="dialogue", period="quarter", count=1, actor=admin)
    db.session.commit()
    entry = db.session.query(AuditEntry).filter_by(object_type="obligation", action="create", actor_id=admin.id).one()
    assert '"period": [null, "quarter"]' in entry.changes


def test_a_change_of_holder_keeps_the_history(db):
    office = province_office(db)
    leaders.change_holder(db.session, office, "Lê Văn Mới", date(2026, 11, 16))
    assert [(h.name, h.ends_on) for h in office.holders] == [("Nguyễn Văn Tỉnh", date(2026, 11, 15)),
                                                            ("Lê Văn Mới", None)]
    assert leaders.holder_on(office, date(2026, 11, 15)).name == "Nguyễn Văn Tỉnh"
    assert leaders.holder_on(office, date(2026, 11, 16)).name == "Lê Văn Mới"
    with pytest.raises(ValidationFailed):
        leaders.change_holder(db.session, office, "Sớm Hơn", date(2026, 11, 1))


def test_whole_periods_within_a_range():
    assert leaders.whole_periods(date(2026, 1, 15), date(2026, 4, 30), "month") == [
        (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 3, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 4, 30))]
    assert leaders.whole_periods(date(2026, 1, 1), date(2026, 6, 30), "quarter") == [
        (date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30))]
    assert leaders.whole_periods(date(2026, 1, 1), date(2026, 12, 30), "year") == []


def test_a_tet_month_owes_as_many_sessions_as_any_month(db):
    """February 2026 holds Tết (17/02) and its days off: the rule counts sessions, so the commune still owes 2."""
    commune = commune_office(db)
    held(db, commune, date(2026, 2, 5))
    rows = leaders.compliance(db.session, date(2026, 2, 1), date(2026, 2, 28), today=date(2026, 3, 10))
    assert rows[0].required == {"reception": 2, "dialogue": 0} and rows[0].held["reception"] == 1
    assert not rows[0].compliant and rows[0].unmet == ["reception"]


def test_a_month_is_answered_by_the_holder_at_its_end_with_all_the_office_held_in_it(db):
    office = province_office(db)
    held(db, office, date(2026, 10, 20))  # October: the first holder, compliant
    held(db, office, date(2026, 11, 5))  # November: held by the first holder, before the hand-over
    leaders.change_holder(db.session, office, "Lê Văn Mới", date(2026, 11, 16))
    rows = by_holder(leaders.compliance(db.session, date(2026, 10, 1), date(2026, 12, 31), today=date(2027, 1, 5)))
    first, second = rows["Nguyễn Văn Tỉnh"], rows["Lê Văn Mới"]
    assert (first.required["reception"], first.held["reception"], first.compliant) == (1, 1, True)
    # November (his, as the holder on 30/11) counts the session of 5/11; December he held none.
    assert (second.required["reception"], second.held["reception"], second.compliant) == (2, 1, False)


def test_compliance_equals_a_count_by_hand(db):
    province, commune = province_office(db), commune_office(db)
    for day in (date(2026, 1, 8), date(2026, 2, 12), date(2026, 3, 12)):  # one a month: met
        held(db, province, day, conclude_after_days=2)
    held(db, province, date(2026, 3, 20), kind="dialogue", conclude_after_days=5)  # concluded late
    for day in (date(2026, 1, 5), date(2026, 1, 19), date(2026, 2, 9), date(2026, 3, 2), date(2026, 3, 16)):
        held(db, commune, day)  # February: one of two
    held(db, commune, date(2026, 4, 2))  # outside the quarter
    # A session planned but never held counts for nothing.
    dialogues.create_session(db.session, held_at=datetime(2026, 3, 25, 2), venue="Nhà văn hoá", participants=0,
                             topics="", conclusion_days=3, office=commune)
    rows = {row.office.level: row for row in
            leaders.compliance(db.session, date(2026, 1, 1), date(2026, 3, 31), today=date(2026, 4, 10))}
    assert rows["province"].required == {"reception": 3, "dialogue": 0}
    assert rows["province"].held == {"reception": 3, "dialogue": 1}
    assert (rows["province"].conclusions_due, rows["province"].conclusions_on_time) == (4, 3)
    assert rows["province"].compliant
    assert rows["commune"].required == {"reception": 6, "dialogue": 0} and rows["commune"].held["reception"] == 5
    assert not rows["commune"].compliant
    # Unconcluded, past their 3-day due date: due and not on time.
    assert (rows["commune"].conclusions_due, rows["commune"].conclusions_on_time) == (5, 0)
    yearly = {row.office.level: row for row in
              leaders.compliance(db.session, date(2026, 1, 1), date(2026, 12, 31), today=date(2027, 1, 10))}
    assert yearly["province"].required == {"reception": 12, "dialogue": 0}
    assert yearly["province"].held == {"reception": 3, "dialogue": 1}
    assert yearly["commune"].required == {"reception": 24, "dialogue": 1}
    assert ("dialogue", date(2026, 1, 1), date(2026, 12, 31), 1, 0) in yearly["commune"].missed


def test_a_planned_session_takes_the_office_holder_and_target_group(db):
    office = commune_office(db)
    item = dialogues.create_session(db.session, held_at=datetime(2026, 12, 20, 2), venue="Nhà văn hoá thôn 3",
                                    participants=0, topics="Việc làm", conclusion_days=3, kind="dialogue",
                                    office=office, target_group="thanh-nien")
    assert (item.leader_name, item.leader_office, item.level, item.status) == (
        "Trần Thị Xã", "Chủ tịch UBND xã", "commune", "planned")
    with pytest.raises(ValidationFailed):
        dialogues.create_session(db.session, held_at=datetime(2026, 12, 20, 2), venue="X", participants=0,
                                 topics="", conclusion_days=3, office=office, target_group="không-có")


def test_a_question_asked_ahead_is_routed_prepared_and_on_the_session_sheet(db, app):
    from portal.models import Answer

    office = commune_office(db)
    item = dialogues.create_session(db.session, held_at=datetime(2026, 12, 20, 2), venue="Nhà văn hoá",
                                    participants=0, topics="", conclusion_days=3, office=office)
    receipt = dialogues.ask_ahead(db.session, item, PetitionDraft(content=VALID_CONTENT), now=datetime(2026, 12, 1))
    db.session.commit()
    route_pending(db.session)
    petition = db.session.get(Petition, receipt.petition_id)
    assert (petition.channel, petition.dialogue_session_id, petition.status) == ("dialogue", item.id, "assigned")
    assert petition.agency is not None
    db.session.add(Answer(petition_id=petition.id, agency_id=petition.agency_id,
                          body_html="<p>Sẽ sửa trong tháng.</p>"))
    db.session.flush()
    [row] = dialogues.session_sheet(item)
    assert row["agency"] == petition.agency and "Sẽ sửa" in row["answer_html"] and row["answer_state"] == "draft"


def test_no_question_ahead_once_the_session_has_started_or_was_held(db):
    office = commune_office(db)
    item = dialogues.create_session(db.session, held_at=datetime(2026, 12, 20, 2), venue="Nhà văn hoá",
                                    participants=0, topics="", conclusion_days=3, office=office)
    with pytest.raises(Conflict):
        dialogues.ask_ahead(db.session, item, PetitionDraft(content=VALID_CONTENT), now=datetime(2026, 12, 20, 2))
    dialogues.mark_held(item, now=datetime(2026, 12, 20, 5))
    with pytest.raises(Conflict):
        dialogues.ask_ahead(db.session, item, PetitionDraft(content=VALID_CONTENT), now=datetime(2026, 12, 1))


def test_a_citizen_received_on_a_reception_day_is_a_reception_petition(db):
    office = commune_office(db)
    item = held(db, office, date(2026, 11, 10))
    receipt = dialogues.record_petition(db.session, item, PetitionDraft(content=VALID_CONTENT))
    assert db.session.get(Petition, receipt.petition_id).channel == "reception"


def test_this_months_unmet_obligations(db):
    province, commune = province_office(db), commune_office(db)
    held(db, province, date(2026, 11, 3))
    held(db, commune, date(2026, 11, 4))
    rows = leaders.month_so_far(db.session, date(2026, 11, 20))
    assert [(row.office.id, row.required["reception"], row.held["reception"]) for row in rows] == [(commune.id, 2, 1)]


def test_the_leaders_instruction_at_a_reception_day_is_the_assignments_task(db):
    office = commune_office(db)
    item = held(db, office, date(2026, 11, 10))
    draft = PetitionDraft(content=VALID_CONTENT, category_code="giao-thong")
    receipt = dialogues.record_petition(db.session, item, draft,
                                        instruction="Giao phòng Kinh tế kiểm tra, vá ổ gà trước ngày 30/11.")
    db.session.commit()
    route_pending(db.session)
    petition = db.session.get(Petition, receipt.petition_id)
    task = petition.assignments.filter_by(active=True).one().task
    assert task.startswith("Thực hiện ý kiến chỉ đạo của đồng chí Trần Thị Xã, Chủ tịch UBND xã")
    assert "10/11/2026" in task and task.endswith("Giao phòng Kinh tế kiểm tra, vá ổ gà trước ngày 30/11.")


def test_report_periods_of_conclusion_215():
    assert leaders.report_period("thang", 2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert leaders.report_period("quy", 2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert leaders.report_period("6-thang", 2026) == (date(2026, 1, 1), date(2026, 6, 30))
    assert leaders.report_period("9-thang", 2026) == (date(2026, 1, 1), date(2026, 9, 30))
    assert leaders.report_period("nam", 2026) == (date(2026, 1, 1), date(2026, 12, 31))
    for bad in (("thang", 2026, 13), ("quy", 2026, 5), ("tuan", 2026, 1), ("nam", 1990, 1)):
        with pytest.raises(ValidationFailed):
            leaders.report_period(*bad)


def test_the_reception_report_equals_a_count_by_hand(db):
    from portal.domain import workflow
    from portal.models import User

    office = commune_office(db)
    first = held(db, office, date(2026, 10, 6))
    first.participants = 14
    second = held(db, office, date(2026, 10, 20), kind="dialogue")
    held(db, office, date(2026, 11, 3))  # another month
    receipts = [dialogues.record_petition(db.session, first, PetitionDraft(content=VALID_CONTENT,
                                                                          category_code="giao-thong")),
                dialogues.record_petition(db.session, first, PetitionDraft(content=VALID_CONTENT + " Lần hai.",
                                                                          category_code="giao-thong")),
                dialogues.record_petition(db.session, second, PetitionDraft(content=VALID_CONTENT + " Đất.",
                                                                           category_code="dat-dai"))]
    db.session.commit()
    route_pending(db.session)
    answered = db.session.get(Petition, receipts[0].petition_id)
    officer = User(email="o@x.vn", full_name="Cán bộ", role="agency_officer", agency=answered.agency)
    head = User(email="h@x.vn", full_name="Lãnh đạo", role="agency_head", agency=answered.agency)
    for user in (officer, head):
        user.set_password("mật-khẩu-thử-123")
    db.session.add_all([officer, head])
    db.session.flush()
    workflow.accept(db.session, answered, officer)
    workflow.submit_answer(db.session, answered, officer, "<p>Đã sửa xong mặt đường trong tuần.</p>")
    workflow.approve_answer(db.session, answered, head)
    db.session.commit()
    report = leaders.reception_report(db.session, date(2026, 10, 1), date(2026, 10, 31), today=date(2027, 6, 1))
    assert report["held"] == {"reception": 1, "dialogue": 1} and report["citizens_received"] == 14
    traffic = report["by_category"]["Giao thông"]
    assert (traffic["total"], traffic["answered"], traffic["open"]) == (2, 1, 1)
    assert traffic["on_time"] == int(answered.answered_on_time) and traffic["overdue"] == 1
    assert report["totals"]["total"] == 3 and report["totals"]["open"] == 2


def test_an_office_owes_nothing_before_its_first_holder(db):
    province_office(db, starts_on=date(2026, 3, 10))
    rows = leaders.compliance(db.session, date(2026, 1, 1), date(2026, 3, 31), today=date(2026, 4, 10))
    [row] = rows
    assert row.required["reception"] == 1 and [start for _k, start, *_ in row.missed] == [date(2026, 3, 1)]
    assert leaders.compliance(db.session, date(2026, 1, 1), date(2026, 2, 28), today=date(2026, 4, 10)) == []


def answer(db, petition, *, late: bool):
    """Published by the agency's officer and head; `late`: its due date had passed when the head approved it."""
    from portal.domain import workflow
    from portal.models import User

    users = []
    for role in ("agency_officer", "agency_head"):
        user = User(email=f"{role}.{petition.id}@x.vn", full_name="Cán bộ", role=role, agency=petition.agency)
        user.set_password("mật-khẩu-thử-123")
        users.append(user)
    db.session.add_all(users)
    db.session.flush()
    if late:
        petition.due_date = date(2020, 1, 2)
    workflow.accept(db.session, petition, users[0])
    workflow.submit_answer(db.session, petition, users[0], "<p>Đã kiểm tra và xử lý xong tại hiện trường.</p>")
    workflow.approve_answer(db.session, petition, users[1])
    db.session.commit()


def test_petitions_answered_on_time_per_leader_equal_a_count_by_hand(db):
    province, commune = province_office(db), commune_office(db)
    reception = held(db, commune, date(2026, 10, 6))
    dialogue = held(db, commune, date(2026, 10, 20), kind="dialogue")
    provincial = held(db, province, date(2026, 10, 8))
    november = held(db, commune, date(2026, 11, 3))  # outside the period

    def raised(item, n):
        return dialogues.record_petition(db.session, item, PetitionDraft(
            content=f"{VALID_CONTENT} Ý kiến số {n}.", category_code="giao-thong")).petition_id

    ids = [raised(reception, 1), raised(reception, 2), raised(dialogue, 3), raised(provincial, 4),
           raised(november, 5)]
    db.session.commit()
    route_pending(db.session)
    on_time, late, still_open, provincial_open, outside = (db.session.get(Petition, i) for i in ids)
    answer(db, on_time, late=False)
    answer(db, late, late=True)
    answer(db, outside, late=False)
    assert (on_time.answered_on_time, late.answered_on_time) == (True, False)

    rows = {row.office.level: row for row in
            leaders.compliance(db.session, date(2026, 10, 1), date(2026, 10, 31), today=date(2026, 12, 1))}
    # The commune's reception day and dialogue raised three: two answered, one of them on time.
    assert rows["commune"].answered_on_time == {"total": 3, "answered": 2, "on_time": 1}
    assert rows["province"].answered_on_time == {"total": 1, "answered": 0, "on_time": 0}
    assert rows["commune"].as_json()["answered_on_time"] == {"total": 3, "answered": 2, "on_time": 1}
    assert (still_open.status, provincial_open.status) == ("assigned", "assigned")
