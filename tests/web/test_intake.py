"""Hotline console, look-up, follow-up calls, and spreadsheet import."""
import io

from openpyxl import Workbook

from portal.models import Petition, PetitionEvent
from tests.conftest import VALID_CONTENT, form_post

CALL = {"summary": "Người dân gọi báo đường Trần Cao Vân ngập sâu sau mưa, cống thoát nước tắc, nước tràn vào nhà.",
        "caller_name": "Lê Văn Gọi", "caller_phone": "0905 111 222", "callback": "y", "province_code": "48",
        "ward_code": "20257", "address": "", "category": ""}


def test_operator_keys_a_call_and_reads_back_the_code(client, db, login_as):
    login_as("operator")
    response = form_post(client, "/tong-dai/", CALL)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="petition-code"' in page
    petition = db.session.query(Petition).one()
    assert petition.channel == "hotline" and petition.reporter_phone == "0905111222"
    assert petition.category.code == "ha-tang-do-thi"  # classified from the summary


def test_a_repeat_caller_is_linked_not_duplicated(client, db, login_as, petition_factory):
    existing = petition_factory(content="Đường Trần Cao Vân ngập sâu mỗi khi mưa, cống thoát nước tắc nghẽn.",
                                category="ha-tang-do-thi", ward_code="20257")
    login_as("operator")
    page = form_post(client, "/tong-dai/", CALL).get_data(as_text=True)
    assert existing.code in page and "Có phản ánh tương tự" in page
    linked = form_post(client, f"/tong-dai/phan-anh/{existing.code}/cuoc-goi", {"summary": CALL["summary"]},
                       page_url="/tong-dai/")
    assert linked.status_code == 302
    assert db.session.query(Petition).count() == 1
    assert db.session.query(PetitionEvent).filter_by(petition_id=existing.id, kind="call").count() == 1


def test_look_up_by_phone_or_code(client, login_as, petition_factory):
    petition = petition_factory(reporter_phone="0905 333 444")
    login_as("operator")
    assert petition.code in client.get("/tong-dai/tra-cuu?q=0905333444").get_data(as_text=True)
    assert petition.code in client.get(f"/tong-dai/tra-cuu?q={petition.code}").get_data(as_text=True)
    assert "Nhập mã phản ánh" in client.get("/tong-dai/tra-cuu?q=abc").get_data(as_text=True)


def csv_bytes(rows, encoding="utf-8"):
    return "\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode(encoding)


def upload(client, data, name="pa.csv", commit="0"):
    return form_post(client, "/tong-dai/nhap", {"upload": (io.BytesIO(data), name), "commit": commit},
                     content_type="multipart/form-data")


GOOD = [["noi_dung", "linh_vuc", "ma_tinh", "ma_xa"],
        [VALID_CONTENT, "giao-thong", "48", "20257"],
        ["Rác thải tồn đọng ở điểm tập kết đầu hẻm nhiều ngày chưa được thu gom.", "moi-truong", "48", "20260"]]


def test_import_dry_run_then_all_rows(client, db, login_as):
    login_as("coordinator", "VP-UBND")
    dry = upload(client, csv_bytes(GOOD))
    assert "0 dòng lỗi" in dry.get_data(as_text=True) and db.session.query(Petition).count() == 0
    assert upload(client, csv_bytes(GOOD), commit="1").status_code == 302
    assert db.session.query(Petition).count() == 2


def test_import_xlsx(client, db, login_as):
    book = Workbook()
    for row in GOOD:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    login_as("secretariat")
    assert upload(client, buffer.getvalue(), name="pa.xlsx", commit="1").status_code == 302
    assert db.session.query(Petition).count() == 2


def test_import_lists_bad_rows_and_stores_none(client, db, login_as):
    rows = GOOD + [["ngắn", "", "", ""], [VALID_CONTENT, "giao-thong", "48", "20257"], [VALID_CONTENT, "khong-co", "", ""]]
    login_as("coordinator", "VP-UBND")
    page = upload(client, csv_bytes(rows)).get_data(as_text=True)
    assert "3 dòng lỗi" in page
    assert "Trùng với dòng 2" in page and "Lĩnh vực không có trong danh mục" in page
    refused = upload(client, csv_bytes(rows), commit="1")
    assert refused.status_code == 422 and "chưa nhập dòng nào" in refused.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_import_refuses_bad_files_clearly(client, db, login_as):
    login_as("coordinator", "VP-UBND")
    cases = [
        (csv_bytes([["ten", "so"], ["a", "b"]]), "Cột không đúng mẫu"),
        ("noi_dung\nĐường hư hỏng nặng cần sửa chữa gấp".encode("utf-16"), "UTF-16"),
        ("noi_dung\nĐường hư hỏng nặng cần sửa chữa gấp".encode("cp1258", errors="replace"), "không ở mã UTF-8"),
        (b"", "Tệp trống"),
        (b"noi_dung\n", "không có dòng dữ liệu"),
    ]
    for data, message in cases:
        response = upload(client, data)
        assert response.status_code == 422 and message in response.get_data(as_text=True), message
    big = upload(client, b"noi_dung\n" + b"x" * (6 * 1024 * 1024))
    assert big.status_code == 422 and "Tệp quá lớn" in big.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_public_session_page_hides_personal_data(client, db, login_as, make_user):
    from datetime import datetime

    from portal.domain import dialogue as dialogues, workflow
    from portal.domain.intake import route_pending
    from portal.domain.petitions import PetitionDraft
    item = dialogues.create_session(db.session, leader_name="Trần Chủ Trì", leader_office="Chủ tịch UBND phường",
                                    level="commune", held_at=datetime(2026, 11, 2, 2), venue="Nhà văn hoá",
                                    participants=40, topics="", conclusion_days=3)
    dialogues.mark_held(item)
    db.session.flush()
    receipt = dialogues.record_petition(db.session, item, PetitionDraft(
        content="Tôi là Hồ Văn Dân, số 0905 123 456, đề nghị sửa đường liên thôn bị hư hỏng.", category_code="giao-thong",
        reporter_name="Hồ Văn Dân"))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
    petition = db.session.get(Petition, receipt.petition_id)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Sẽ sửa đường trong quý I.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    page = client.get(f"/doi-thoai-truc-tiep/{item.id}").get_data(as_text=True)
    assert "Sẽ sửa đường trong quý I" in page and "Trần Chủ Trì" in page
    assert "Hồ Văn Dân" not in page and "0905 123 456" not in page


def test_a_60_mb_file_is_refused_with_a_clear_message(client, db, login_as):
    login_as("coordinator", "VP-UBND")
    # Over the site's request limit (52 MB: an intake form's five photos of 10 MB and its fields).
    response = upload(client, b"noi_dung\n" + b"x" * (60 * 1024 * 1024))
    assert response.status_code == 413
    assert "quá lớn" in response.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_operator_records_a_callers_rating(client, db, login_as, petition_factory, make_user):
    from portal.domain import workflow
    from portal.models import PetitionEvent, Rating

    petition = petition_factory(category="giao-thong", channel="hotline")
    open_item = petition_factory(category="giao-thong", channel="hotline")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã sửa xong đèn đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    operator = login_as("operator")
    assert "Ghi đánh giá của người gọi" in client.get(f"/tong-dai/tra-cuu?q={petition.code}").get_data(as_text=True)
    scores = {"access": "5", "procedure": "4", "staff": "4", "result": "5", "feedback": "3"}
    missing = form_post(client, f"/tong-dai/phan-anh/{petition.code}/danh-gia", {**scores, "access": ""})
    assert missing.status_code == 422 and "Chọn đủ năm mức" in missing.get_data(as_text=True)
    saved = form_post(client, f"/tong-dai/phan-anh/{petition.code}/danh-gia", {**scores, "resolved": "yes"})
    assert saved.status_code == 302
    rating = db.session.query(Rating).filter_by(petition_id=petition.id).one()
    assert (rating.access, rating.feedback, rating.resolved) == (5, 3, True)
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind="rating").one()
    assert event.actor_id == operator.id
    refused = form_post(client, f"/tong-dai/phan-anh/{open_item.code}/danh-gia", {**scores, "resolved": "no"})
    assert refused.status_code == 422 and "đã công khai" in refused.get_data(as_text=True)
