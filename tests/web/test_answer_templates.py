"""The heads' templates page (their agency's only), and the item page's "Mẫu trả lời": a template picked with
?template=ID pre-fills the answer (or the rejection's note) for the officer to edit and send."""
import html
import re

from portal.domain.answer_templates import save_template
from portal.models import AnswerTemplate, Category
from tests.conftest import form_post, login

BODY = "Phản ánh {code} nhận ngày {received_date}: {agency} đã cử cán bộ kiểm tra, hạn trả lời {due_date}."


def template(db, head, kind="answer", category=None, title="Đã kiểm tra hiện trường", body=BODY):
    category_id = db.session.query(Category).filter_by(code=category).one().id if category else None
    made = save_template(db.session, head, kind=kind, category_id=category_id, title=title, body=body)
    db.session.commit()
    return made


def textarea(page: str, name: str) -> str:
    return html.unescape(re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S).group(1)).strip()


def test_a_head_adds_edits_and_deletes_the_agencys_templates(client, db, login_as):
    head = login_as("agency_head", "SO-XD")
    added = form_post(client, "/co-quan/mau-tra-loi", {"kind": "answer", "category": "giao-thong",
                                                       "title": "Đã vá ổ gà", "body": BODY})
    assert added.status_code == 302
    made = db.session.query(AnswerTemplate).one()
    assert (made.agency_id, made.category.code, made.title) == (head.agency_id, "giao-thong", "Đã vá ổ gà")
    page = client.get("/co-quan/mau-tra-loi").get_data(as_text=True)
    assert "Đã vá ổ gà" in page and "{received_date}" in page
    edited = form_post(client, f"/co-quan/mau-tra-loi/{made.id}", {"kind": "rejection", "category": "",
                                                                   "title": "Trùng lặp", "body": "Trùng {code}."})
    assert edited.status_code == 302
    db.session.refresh(made)
    assert (made.kind, made.title, made.category_id) == ("rejection", "Trùng lặp", None)
    deleted = form_post(client, f"/co-quan/mau-tra-loi/{made.id}/xoa", {}, page_url="/co-quan/mau-tra-loi")
    assert deleted.status_code == 302 and db.session.query(AnswerTemplate).count() == 0


def test_an_unknown_placeholder_is_shown_on_the_form_in_the_users_language(client, db, login_as):
    login_as("agency_head", "SO-XD")
    response = form_post(client, "/co-quan/mau-tra-loi", {"kind": "answer", "category": "", "title": "Mẫu",
                                                          "body": "Hạn {han}."})
    assert response.status_code == 422 and "Chỗ trống không có: han" in response.get_data(as_text=True)
    assert db.session.query(AnswerTemplate).count() == 0


def test_officers_may_not_manage_templates_and_another_agencys_is_not_found(client, db, make_user, login_as):
    theirs = template(db, make_user("agency_head", "SO-YT"))
    login_as("agency_officer", "SO-XD")
    assert client.get("/co-quan/mau-tra-loi").status_code == 403
    client.post("/dang-nhap/thoat", data={"csrf_token": re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)})
    login_as("agency_head", "SO-XD")
    assert client.get(f"/co-quan/mau-tra-loi/{theirs.id}").status_code == 404
    response = form_post(client, f"/co-quan/mau-tra-loi/{theirs.id}/xoa", {}, page_url="/co-quan/mau-tra-loi")
    assert response.status_code == 404 and db.session.get(AnswerTemplate, theirs.id) is not None


def test_a_template_is_used_in_an_answer_with_its_placeholders_filled(client, db, make_user, petition_factory):
    picked = template(db, make_user("agency_head", "SO-XD"), category="giao-thong")
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    login(client, officer)
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    assert 'name="template"' in page and "Đã kiểm tra hiện trường" in page
    assert f'data-body="Phản ánh {petition.code} nhận ngày' in page  # filled for the script, too
    page = client.get(f"{url}?template={picked.id}").get_data(as_text=True)
    filled = textarea(page, "answer-content")
    assert filled.startswith(f"Phản ánh {petition.code} nhận ngày") and petition.agency.name in filled
    assert petition.due_date.strftime("%d/%m/%Y") in filled and "{" not in filled
    version = re.search(r'name="answer-version"[^>]*value="(\d+)"', page).group(1)
    sent = form_post(client, url + "/tra-loi", {"answer-version": version,
                                                "answer-content": filled + " Đã vá xong ổ gà ngày 02/12/2026."},
                     page_url=url)
    assert sent.status_code == 302
    answer = petition.answers.first()
    assert petition.code in answer.body_html and "Đã vá xong ổ gà" in answer.body_html


def test_another_agencys_template_id_on_an_item_page_is_not_found(client, db, make_user, petition_factory, login_as):
    theirs = template(db, make_user("agency_head", "SO-YT"))
    petition = petition_factory()
    login_as("agency_officer", "SO-XD")
    assert client.get(f"/co-quan/phan-anh/{petition.code}?template={theirs.id}").status_code == 404


def test_the_rejection_form_offers_the_rejection_templates(client, db, make_user, petition_factory):
    head = make_user("agency_head", "SO-XD")
    picked = template(db, head, kind="rejection", title="Ngoài phạm vi",
                      body="Phản ánh {code} không thuộc thẩm quyền của {agency}; đề nghị gửi Tòa án nhân dân.")
    petition = petition_factory()
    login(client, head)
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(f"{url}?template={picked.id}").get_data(as_text=True)
    note = textarea(page, "reject-note")
    assert note == f"Phản ánh {petition.code} không thuộc thẩm quyền của {petition.agency.name}; đề nghị gửi Tòa án nhân dân."
    version = re.search(r'name="reject-version"[^>]*value="(\d+)"', page).group(1)
    proposed = form_post(client, url + "/tu-choi", {"reject-version": version, "reject-reason": "out_of_scope",
                                                    "reject-note": note}, page_url=url)
    assert proposed.status_code == 302
    db.session.refresh(petition)
    assert petition.status == "returned"


def test_a_coordinator_confirms_a_proposal_from_the_item_page(client, db, make_user, petition_factory):
    from portal.domain import workflow

    petition = petition_factory()
    note = "Nội dung không thuộc thẩm quyền giải quyết của Sở Xây dựng."
    workflow.propose_rejection(db.session, petition, make_user("agency_head", "SO-XD"), "out_of_scope", note)
    db.session.commit()
    login(client, make_user("coordinator"))
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    assert 'id="rejection-proposal"' in page and textarea(page, "reject-note") == note
    version = re.search(r'name="reject-version"[^>]*value="(\d+)"', page).group(1)
    refused = form_post(client, url + "/tu-choi", {"reject-version": version, "reject-reason": "nonsense",
                                                   "reject-note": note}, page_url=url)
    assert refused.status_code == 422
    done = form_post(client, url + "/tu-choi", {"reject-version": version, "reject-reason": "out_of_scope",
                                                "reject-note": note}, page_url=url)
    assert done.status_code == 302
    db.session.refresh(petition)
    assert petition.status == "rejected"
