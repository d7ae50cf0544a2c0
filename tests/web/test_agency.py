"""The agency workspace through its pages, with CSRF on."""
import re
from datetime import timedelta

import pytest

from portal.models import Attachment, Petition, PetitionEvent
from tests.conftest import form_post, login

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def version_of(page: str) -> str:
    return re.search(r'name="[a-z]+-version"[^>]*value="(\d+)"', page).group(1)


def test_inbox_shows_only_the_agencys_items(client, login_as, petition_factory):
    mine, theirs = petition_factory(category="giao-thong"), petition_factory(category="y-te")
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/").get_data(as_text=True)
    assert mine.code in page and theirs.code not in page
    assert client.get(f"/co-quan/phan-anh/{theirs.code}").status_code == 404


def test_inbox_filters_overdue(client, db, login_as, petition_factory):
    late, fresh = petition_factory(category="giao-thong"), petition_factory(category="giao-thong")
    late.due_date = late.due_date - timedelta(days=60)
    db.session.commit()
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/?due=overdue").get_data(as_text=True)
    assert late.code in page and fresh.code not in page


def test_item_shows_the_five_clear_points_and_timeline(client, login_as, petition_factory):
    petition = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    page = client.get(f"/co-quan/phan-anh/{petition.code}").get_data(as_text=True)
    for label in ("Rõ người", "Rõ việc", "Rõ trách nhiệm", "Rõ thời gian", "Rõ hiệu quả", "Đã tiếp nhận"):
        assert label in page


def test_the_staff_timeline_names_events_that_change_no_status(client, db, login_as, petition_factory):
    from portal.domain.lifecycle import record_event

    petition = petition_factory(category="giao-thong")
    record_event(db.session, petition, kind="coordination_requested", note="Đề nghị Công an tỉnh phối hợp.")
    db.session.commit()
    login_as("agency_officer", "SO-XD")
    page = client.get(f"/co-quan/phan-anh/{petition.code}").get_data(as_text=True)
    assert "<strong>Đề nghị phối hợp</strong>" in page and "coordination_requested" not in page
    english = client.get(f"/co-quan/phan-anh/{petition.code}?lang=en").get_data(as_text=True)
    assert "<strong>Coordination requested</strong>" in english


def test_officer_answers_with_a_pdf_and_head_approves_with_edited_redaction(client, db, make_user, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer, head = make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-XD")
    login(client, officer)
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    from io import BytesIO
    response = client.post(url + "/tra-loi", data={
        "csrf_token": re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1),
        "answer-version": version_of(page), "answer-content": "<p>Đã vá ổ gà.<script>alert(1)</script> Gọi anh Bình 0905 123 456.</p>",
        "answer-attachment": (BytesIO(PDF), "bien-ban.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    db.session.refresh(petition)
    assert petition.status == "answered"
    assert "<script>" not in petition.answers.first().body_html
    assert db.session.query(Attachment).filter_by(petition_id=petition.id).one().content_type == "application/pdf"
    client.post("/dang-nhap/thoat", data={"csrf_token": re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)})
    login(client, head)
    page = client.get(url).get_data(as_text=True)
    assert "[số điện thoại]" in page  # the redacted preview is shown for editing
    approved = form_post(client, url + "/duyet", {"approve-version": version_of(page),
                                                  "approve-published_html": "<p>Đã vá ổ gà. Liên hệ [số điện thoại].</p>",
                                                  "approve-public_content": "Ổ gà trên đường [địa chỉ]."}, page_url=url)
    assert approved.status_code == 302
    public = client.get(f"/p/{petition.code}").get_data(as_text=True)
    assert "Ổ gà trên đường [địa chỉ]." in public and "0905 123 456" not in public


def test_an_upload_that_lies_about_its_type_is_refused(client, db, login_as, petition_factory):
    from io import BytesIO
    petition = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    response = client.post(url + "/tra-loi", data={
        "csrf_token": re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1),
        "answer-version": version_of(page), "answer-content": "<p>Đã xử lý xong việc này rồi.</p>",
        "answer-attachment": (BytesIO(b"MZ\x90\x00 not a pdf"), "virus.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Chỉ nhận tệp PDF, JPEG hoặc PNG" in response.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.status == "assigned" and db.session.query(Attachment).count() == 0


def test_a_stale_form_gets_a_conflict_and_overwrites_nothing(client, db, login_as, petition_factory):
    petition = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    stale_version = version_of(page)
    assert form_post(client, url + "/tiep-nhan", {"accept-version": stale_version}, page_url=url).status_code == 302
    response = form_post(client, url + "/tra-lai", {"return-version": stale_version, "return-reason": "Không phải việc"},
                         page_url=url, follow_redirects=True)
    assert "vừa được người khác cập nhật" in response.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.status == "in_progress"


def test_coordinator_assigns_by_hand_with_five_clear_points_and_the_correction_is_kept(client, db, login_as,
                                                                                         petition_factory):
    from portal.domain.calendar import local_today
    from portal.models import LabelledExample
    petition = petition_factory(category="khac", triage=True)
    login_as("coordinator", "VP-UBND")
    assert petition.code in client.get("/co-quan/dieu-phoi").get_data(as_text=True)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    missing = form_post(client, url, {"version": re.search(r'name="version"[^>]*value="(\d+)"', page).group(1),
                                      "category": "giao-thong", "agency": "SO-XD", "responsible_official": "",
                                      "task": "Sửa đường", "due_date": "2026-12-30", "expected_result": "Đường được sửa"})
    assert missing.status_code == 422 and "Vui lòng điền mục này" in missing.get_data(as_text=True)
    done = form_post(client, url, {"version": re.search(r'name="version"[^>]*value="(\d+)"', page).group(1),
                                   "category": "giao-thong", "agency": "SO-XD", "responsible_official": "Ông Trần Văn B",
                                   "task": "Sửa đường", "due_date": local_today().isoformat(),
                                   "expected_result": "Đường được sửa"})
    assert done.status_code == 302
    db.session.refresh(petition)
    assert petition.status == "assigned" and petition.agency.code == "SO-XD" and not petition.needs_triage
    assert db.session.query(LabelledExample).one().category == "giao-thong"


AGENCY_ROUTES = [
    ("get", "/co-quan/phan-anh/{code}", {}),
    ("post", "/co-quan/phan-anh/{code}/tiep-nhan", {"accept-version": "1"}),
    ("post", "/co-quan/phan-anh/{code}/tra-lai", {"return-version": "1", "return-reason": "x"}),
    ("post", "/co-quan/phan-anh/{code}/chuyen", {"transfer-version": "1", "transfer-agency": "SO-YT", "transfer-reason": "x"}),
    ("post", "/co-quan/phan-anh/{code}/gia-han", {"extension-version": "1", "extension-new_due_date": "2027-01-30",
                                                  "extension-reason": "x"}),
    ("post", "/co-quan/phan-anh/{code}/phoi-hop", {"coordination-version": "1", "coordination-agency": "SO-YT",
                                                   "coordination-note": "x"}),
    ("post", "/co-quan/phan-anh/{code}/tra-loi", {"answer-version": "1", "answer-content": "Trả lời đủ dài để hợp lệ."}),
    ("post", "/co-quan/phan-anh/{code}/duyet", {"approve-version": "1"}),
    ("post", "/co-quan/phan-anh/{code}/tra-ve-du-thao", {"sendback-version": "1", "sendback-reason": "x"}),
    ("post", "/co-quan/phan-anh/{code}/khan-cap", {"priority-version": "1", "priority-priority": "urgent"}),
    ("post", "/co-quan/phan-anh/{code}/tu-choi", {"reject-version": "1", "reject-reason": "spam",
                                                  "reject-note": "Nội dung quảng cáo, không phải phản ánh."}),
    ("get", "/co-quan/phan-anh/{code}/trung-lap", {}),
    ("post", "/co-quan/phan-anh/{code}/gop/{code}", {"version": "1"}),
]


@pytest.mark.parametrize("role", ["agency_officer", "agency_head"])
@pytest.mark.parametrize("method, route, data", AGENCY_ROUTES)
def test_another_agency_can_neither_see_nor_touch_an_item(client, db, login_as, petition_factory, role, method, route,
                                                          data):
    petition = petition_factory(category="giao-thong")  # Sở Xây dựng's
    events_before = db.session.query(PetitionEvent).filter_by(petition_id=petition.id).count()
    login_as(role, "SO-YT")
    url = route.format(code=petition.code)
    response = client.get(url) if method == "get" else form_post(client, url, data, page_url="/co-quan/")
    assert response.status_code in (403, 404)
    db.session.refresh(petition)
    assert petition.status == "assigned"
    assert db.session.query(PetitionEvent).filter_by(petition_id=petition.id).count() == events_before


def test_every_agency_route_is_in_the_isolation_test(app):
    covered = {route.replace("{code}", "<code>") for _, route, _ in AGENCY_ROUTES}
    own = {rule.rule.replace("<main_code>", "<code>") for rule in app.url_map.iter_rules()
           if rule.endpoint.startswith("agency.") and "<code>" in rule.rule and "dieu-phoi" not in rule.rule}
    assert own <= covered


def test_attachments_are_served_only_within_the_agency(client, db, make_user, petition_factory, app, tmp_path):
    from portal.domain.attachments import store_attachment
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    from pathlib import Path
    item = store_attachment(db.session, petition, officer, "a.pdf", PDF, Path(app.instance_path) / "uploads", 10**6)
    db.session.commit()
    login(client, make_user("agency_officer", "SO-YT"))
    assert client.get(f"/co-quan/tep/{item.id}").status_code == 404
    login(client, officer)
    assert client.get(f"/co-quan/tep/{item.id}").data == PDF


def test_sweep_cli_puts_a_printable_apology_on_the_tracking_page(client, db, runner, petition_factory):
    petition = petition_factory(category="giao-thong", reporter_name="Lê Thị Hoa")
    day_after = (petition.due_date + timedelta(days=1)).isoformat()
    assert "1 petitions marked overdue" in runner.invoke(args=["sweep", "--today", day_after]).output
    assert "0 petitions marked overdue" in runner.invoke(args=["sweep", "--today", day_after]).output
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    assert "THƯ XIN LỖI" in page and "Lê Thị Hoa" in page
    letter_url = re.search(r'href="(/thu-xin-loi/[^"]+)"', page).group(1).replace("&amp;", "&")
    assert "THƯ XIN LỖI" in client.get(letter_url).get_data(as_text=True)
    assert client.get(f"/thu-xin-loi/{petition.code}?token=forged").status_code == 404


def test_triage_counts_petitions_still_with_the_intake_worker_without_listing_them(client, db, login_as,
                                                                                  petition_factory):
    from portal.domain.intake import receive
    from portal.domain.petitions import PetitionDraft
    from tests.conftest import VALID_CONTENT

    unsure = petition_factory(category="khac", triage=True)
    waiting = receive(db.session, PetitionDraft(content=VALID_CONTENT, province_code="48", ward_code="20257"))
    db.session.commit()
    login_as("coordinator", "VP-UBND")
    page = client.get("/co-quan/dieu-phoi").get_data(as_text=True)
    assert unsure.code in page and waiting.code not in page
    assert "Còn 1 phản ánh mới đang chờ hệ thống tự phân loại" in page


def test_the_item_page_offers_exactly_the_actions_the_lifecycle_allows(client, db, make_user, login_as,
                                                                       petition_factory):
    from portal.domain import workflow

    forms = {"Tiếp nhận xử lý": "/tiep-nhan", "Soạn và gửi trả lời": "/tra-loi", "Xin gia hạn": "/gia-han",
             "Đề nghị phối hợp": "/phoi-hop", "Trả lại bộ phận điều phối": "/tra-lai",
             "Chuyển cơ quan khác": "/chuyen", "Duyệt": "/duyet", "Trả dự thảo để sửa": "/tra-ve-du-thao"}

    def offered(petition):
        page = client.get(f"/co-quan/phan-anh/{petition.code}").get_data(as_text=True)
        return {label for label, path in forms.items() if f"/co-quan/phan-anh/{petition.code}{path}\"" in page}

    petition = petition_factory(category="giao-thong")
    officer = login_as("agency_officer", "SO-XD")
    assert offered(petition) == set(forms) - {"Duyệt", "Trả dự thảo để sửa"}
    workflow.request_extension(db.session, petition, officer, petition.due_date + timedelta(days=7), "Khảo sát")
    db.session.commit()
    assert offered(petition) == set(forms) - {"Duyệt", "Trả dự thảo để sửa", "Xin gia hạn"}  # once per petition
    workflow.submit_answer(db.session, petition, officer, "<p>Đã sửa xong mặt đường, cảm ơn ông/bà đã phản ánh.</p>")
    db.session.commit()
    assert offered(petition) == set()  # the draft waits for the head
    login_as("agency_head", "SO-XD")
    assert offered(petition) == {"Duyệt", "Trả dự thảo để sửa"}
    login_as("coordinator", "VP-UBND")
    assert offered(petition_factory(category="giao-thong")) == {"Chuyển cơ quan khác"}
