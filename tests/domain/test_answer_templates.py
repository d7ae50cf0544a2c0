"""Answer templates: an agency head keeps them (audited), an officer's pick is filled for the petition by a plain
substitution of four placeholders, and only the petition's own agency's templates are offered."""
import pytest

from portal.domain import answer_templates, workflow
from portal.domain.answer_templates import fill, save_template, templates_for
from portal.domain.errors import Forbidden, NotFound, ValidationFailed
from portal.models import AuditEntry, Category

BODY = ("Kính gửi ông/bà, phản ánh {code} nhận ngày {received_date} đã được {agency} xem xét; "
        "hạn trả lời {due_date}. Đơn vị đã cử cán bộ kiểm tra hiện trường.")


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("agency_officer", "SO-XD"), "head": make_user("agency_head", "SO-XD"),
            "other_head": make_user("agency_head", "SO-YT")}


def category_id(db, code):
    return db.session.query(Category).filter_by(code=code).one().id


def test_placeholders_are_filled_for_the_petition(db, petition_factory):
    petition = petition_factory()
    text = fill(BODY, petition)
    received = petition.created_at  # naive UTC; the date shown is Vietnam's
    from portal.domain.calendar import local_date

    assert petition.code in text and local_date(received).strftime("%d/%m/%Y") in text
    assert petition.agency.name in text and petition.due_date.strftime("%d/%m/%Y") in text
    assert "{" not in text


def test_unknown_braces_and_template_syntax_are_left_as_written(db, petition_factory):
    petition = petition_factory()
    assert fill("{{ config }} {code.__class__} {ten} {code}", petition) == \
        "{{ config }} {code.__class__} {ten} " + petition.code


def test_a_head_keeps_templates_and_every_change_is_audited(db, staff):
    template = save_template(db.session, staff["head"], kind="answer", category_id=category_id(db, "giao-thong"),
                             title="Đã sửa đường", body=BODY)
    db.session.commit()
    save_template(db.session, staff["head"], kind="answer", category_id=None, title="Đã sửa đường (mọi lĩnh vực)",
                  body=BODY, template=template)
    db.session.commit()
    answer_templates.delete_template(db.session, staff["head"], template)
    db.session.commit()
    actions = [(e.action, e.actor_id) for e in db.session.query(AuditEntry).filter_by(object_type="answer_template")]
    assert actions == [("create", staff["head"].id), ("update", staff["head"].id), ("delete", staff["head"].id)]


def test_only_agency_heads_manage_templates_and_only_their_own(db, staff):
    with pytest.raises(Forbidden):
        save_template(db.session, staff["officer"], kind="answer", category_id=None, title="Mẫu", body=BODY)
    template = save_template(db.session, staff["head"], kind="rejection", category_id=None, title="Trùng", body=BODY)
    db.session.commit()
    with pytest.raises(NotFound):
        answer_templates.managed_template(db.session, staff["other_head"], template.id)


@pytest.mark.parametrize("kind, title, body", [("answer", "", BODY), ("answer", "Mẫu", ""), ("bulk", "Mẫu", BODY),
                                               ("answer", "Mẫu", "Hạn {han_tra_loi}."), ("answer", "x" * 121, BODY)])
def test_a_template_needs_a_kind_a_title_a_text_and_known_placeholders(db, staff, kind, title, body):
    with pytest.raises(ValidationFailed):
        save_template(db.session, staff["head"], kind=kind, category_id=None, title=title, body=body)


def test_an_officer_is_offered_the_agencys_templates_of_the_category_and_for_any_category(db, petition_factory,
                                                                                          staff):
    traffic = save_template(db.session, staff["head"], kind="answer", category_id=category_id(db, "giao-thong"),
                            title="Giao thông", body=BODY)
    anything = save_template(db.session, staff["head"], kind="answer", category_id=None, title="Chung", body=BODY)
    save_template(db.session, staff["head"], kind="answer", category_id=category_id(db, "moi-truong"),
                  title="Môi trường", body=BODY)
    rejection = save_template(db.session, staff["head"], kind="rejection", category_id=category_id(db, "giao-thong"),
                              title="Trùng lặp", body="Phản ánh {code} trùng với phản ánh đã gửi trước đó.")
    save_template(db.session, staff["other_head"], kind="answer", category_id=None, title="Sở Y tế", body=BODY)
    db.session.commit()
    petition = petition_factory(category="giao-thong")
    assert templates_for(db.session, petition, "answer") == [anything, traffic]
    assert templates_for(db.session, petition, "rejection") == [rejection] and rejection.category_id is None


def test_a_template_used_in_an_answer_is_filled_then_edited_by_the_officer(db, petition_factory, staff):
    template = save_template(db.session, staff["head"], kind="answer", category_id=None, title="Chung", body=BODY)
    db.session.commit()
    petition = petition_factory()
    picked = answer_templates.template_for_petition(db.session, petition, template.id)
    edited = fill(picked.body, petition) + " Ổ gà đã được vá ngày 02/12/2026."
    answer = workflow.submit_answer(db.session, petition, staff["officer"], edited)
    db.session.commit()
    assert petition.code in answer.body_html and "Ổ gà đã được vá" in answer.body_html
    assert "{code}" not in answer.body_html


def test_another_agencys_template_is_not_found_on_a_petition(db, petition_factory, staff):
    theirs = save_template(db.session, staff["other_head"], kind="answer", category_id=None, title="Y tế", body=BODY)
    db.session.commit()
    with pytest.raises(NotFound):
        answer_templates.template_for_petition(db.session, petition_factory(), theirs.id)
