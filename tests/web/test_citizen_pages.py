"""The citizen's pages: the confirmation with its deadline, the answer's files for the sender, English pages."""
import re
from datetime import timedelta
from pathlib import Path

from portal.domain import workflow
from portal.domain.attachments import store_attachment
from portal.models import Petition
from tests.conftest import VALID_CONTENT, form_post

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def submit(client, **overrides):
    data = {"content": VALID_CONTENT, "title": "Ổ gà", "category": "giao-thong", "province_code": "48",
            "ward_code": "20257", "address": "", "reporter_name": "", "reporter_phone": "",
            "reporter_email": "", "consent_public": "y"}
    data.update(overrides)
    assert form_post(client, "/gui-phan-anh", data).status_code == 302
    return client.get("/da-gui").get_data(as_text=True)


def test_confirmation_shows_the_due_date_of_the_assigned_petition(client, db):
    page = submit(client)
    petition = db.session.query(Petition).one()
    expected = re.search(r'id="expected-answer">(.*?)</p>', page, re.S).group(1)
    assert "Hạn trả lời" in expected and petition.due_date.strftime("%d/%m/%Y") in expected
    assert "10 ngày làm việc" in expected and "dự kiến" not in expected


def test_confirmation_estimates_with_the_longest_time_while_the_category_is_unsettled(client, db):
    page = submit(client, category="", content="Xin hỏi về một việc chung chung chưa rõ thuộc lĩnh vực nào cả.")
    petition = db.session.query(Petition).one()
    expected = re.search(r'id="expected-answer">(.*?)</p>', page, re.S).group(1)
    if petition.due_date is None:
        assert "dự kiến" in expected and "chậm nhất" in expected and "15 ngày làm việc" in expected
    else:  # the classifier was sure enough to route it at once
        assert petition.due_date.strftime("%d/%m/%Y") in expected and "dự kiến" not in expected


def test_confirmation_offers_copy_print_and_a_text_receipt(client, db):
    page = submit(client)
    code = db.session.query(Petition).one().code
    assert 'data-copy="#petition-code"' in page and 'data-copy="#petition-secret"' in page
    assert "data-print" in page and f'download="{code}.txt"' in page
    receipt = re.search(r'data-receipt-text="([^"]*)"', page).group(1)
    assert code in receipt and "Mật mã tra cứu" in receipt and "Hạn trả lời" in receipt
    assert "js/receipt.js" in page


def _answer_with_file(db, app, petition, make_user):
    officer = make_user("agency_officer", petition.agency.code)
    store_attachment(db.session, petition, officer, "bien-ban-kiem-tra.pdf", PDF,
                     Path(app.instance_path) / "uploads", 10**6)
    workflow.submit_answer(db.session, petition, officer, "<p>Đã kiểm tra hiện trường, biên bản đính kèm.</p>")
    db.session.commit()
    return make_user("agency_head", petition.agency.code)


def test_the_sender_downloads_the_agencys_file_once_the_answer_is_approved(client, db, app, petition_factory,
                                                                           make_user):
    petition = petition_factory(category="giao-thong")
    head = _answer_with_file(db, app, petition, make_user)
    before = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret})
    assert "bien-ban-kiem-tra.pdf" not in before.get_data(as_text=True)  # not approved yet
    workflow.approve_answer(db.session, petition, head)
    db.session.commit()
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    link = re.search(r'href="(/tra-cuu/tep\?t=[^"]+)"', page).group(1).replace("&amp;", "&")
    download = client.get(link)
    assert download.status_code == 200 and download.data == PDF
    assert "no-store" in download.headers["Cache-Control"]
    assert client.get(link[:-3] + "xyz").status_code == 404  # a forged link
    # The public page shows no file: files carry no approval of their own and may hold personal data.
    public = client.get(f"/p/{petition.code}").get_data(as_text=True)
    assert "bien-ban-kiem-tra.pdf" not in public and "/tra-cuu/tep" not in public


def test_english_pages_show_english_menu_categories_agencies_and_timeline(client, db, petition_factory):
    petition = petition_factory(category="giao-thong")
    page = form_post(client, "/tra-cuu?lang=en", {"code": petition.code, "secret": petition.plain_secret},
                     page_url="/tra-cuu?lang=en").get_data(as_text=True)
    assert "Roads and transport" in page and "Department of Construction" in page
    assert "Received through the website." in page
    assert re.search(r"Assigned to Department of Construction, due \d\d/\d\d/\d{4}\.", page)
    for english in ("Search", "Transparency", "Staff sign-in"):
        assert f">{english}<" in page
    form = client.get("/gui-phan-anh").get_data(as_text=True)
    assert "— Choose a province or city —" in form and ">Roads and transport<" in form
    login = client.get("/dang-nhap/").get_data(as_text=True)
    assert ">Password" in login and ">E-mail" in login


def test_timeline_notes_written_by_people_are_shown_as_written(app):
    from portal.domain.event_notes import english_note

    assert english_note("Trả lại bộ phận điều phối. Lý do: Không thuộc thẩm quyền.") == \
        "Returned to the coordinators. Reason: Không thuộc thẩm quyền."
    assert english_note("Ghi chú tự do của cán bộ.") == "Ghi chú tự do của cán bộ."


def test_rating_scale_is_five_equal_columns(client, app):
    css = Path(app.static_folder, "css", "site.css").read_text()
    assert "fieldset.scale-5 { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr));" in css


def test_the_transparency_ranking_names_agencies_in_english(client, db, petition_factory):
    petition_factory(category="giao-thong")
    page = client.get("/minh-bach?lang=en").get_data(as_text=True)
    assert "Department of Construction" in page and "Sở Xây dựng" not in page


def test_a_given_rating_is_shown_in_the_form_to_change_it(client, db, petition_factory, make_user):
    from portal.domain.ratings import rate_petition

    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đã vá ổ gà và cắm biển cảnh báo trong thời gian thi công.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    # Published over 7 days ago, so "not resolved" is only stored and the petition stays rateable (ratings.py).
    petition.published_at -= timedelta(days=8)
    rate_petition(db.session, petition, {"access": 5, "procedure": 4, "staff": 5, "result": 2, "feedback": 3},
                  resolved=False, comment="Mới vá tạm.")
    db.session.commit()
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    checked = dict(re.findall(r'<input checked id="[^"]*" name="(\w+)"[^>]* value="(\w+)"', page))
    assert checked == {"access": "5", "procedure": "4", "staff": "5", "result": "2", "feedback": "3", "resolved": "no"}
    assert "Mới vá tạm." in page
