"""The committee's dashboard, drill-down, exports, explanations, the public transparency page and rating form."""
import io
import re
from datetime import date

from openpyxl import load_workbook

from portal.domain import workflow
from portal.domain.calendar import local_today
from portal.models import Explanation, Rating
from tests.conftest import form_post


def published(db, petition_factory, make_user, **fields):
    petition = petition_factory(category="giao-thong", **fields)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def test_only_the_committee_sees_the_dashboard(client, login_as):
    login_as("agency_officer", "SO-XD")
    assert client.get("/ban-dan-van/").status_code == 403


def test_dashboard_numbers_drill_down_to_the_items(client, db, login_as, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    login_as("committee")
    page = client.get("/ban-dan-van/").get_data(as_text=True)
    assert "Xếp hạng" in page and "<svg" in page and "Lĩnh vực × cơ quan" in page
    link = re.search(r'href="(/ban-dan-van/chi-tiet\?[^"]*figure=received[^"]*agency=SO-XD[^"]*)"', page).group(1)
    drill = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert petition.code in drill and "1 phản ánh" in drill
    english = client.get(link.replace("&amp;", "&") + "&lang=en").get_data(as_text=True)
    assert "1 petition<" in english or "1 petition " in english  # a count in English agrees with its number
    assert "1 petitions" not in english


def test_every_table_exports_as_csv_and_xlsx(client, db, login_as, petition_factory, make_user):
    published(db, petition_factory, make_user)
    login_as("committee")
    for table in ("xep-hang", "ban-do-nhiet", "xu-huong"):
        csv_text = client.get(f"/ban-dan-van/xuat/{table}.csv").get_data(as_text=True)
        assert csv_text.startswith("\ufeff") and len(csv_text.splitlines()) >= 2
        sheet = load_workbook(io.BytesIO(client.get(f"/ban-dan-van/xuat/{table}.xlsx").data)).active
        assert sheet.max_row >= 2
    ranking = client.get("/ban-dan-van/xuat/xep-hang.csv").get_data(as_text=True)
    assert "Sở Xây dựng" in ranking and "Tỷ lệ đúng hạn (%)" in ranking


def test_bad_period_is_a_clear_error(client, login_as):
    login_as("committee")
    response = client.get("/ban-dan-van/?from=2026-12-01&to=2026-01-01")
    assert response.status_code == 422 and "Khoảng thời gian không hợp lệ" in response.get_data(as_text=True)


def test_monthly_report_is_printable(client, login_as):
    login_as("committee")
    page = client.get("/ban-dan-van/bao-cao?month=2026-10").get_data(as_text=True)
    assert "tháng 10/2026" in page.lower() or "10/2026" in page


def test_agency_head_files_an_explanation_when_below_the_line(client, db, login_as, petition_factory):
    from datetime import datetime, timedelta
    late = petition_factory(category="giao-thong")
    first_of_month = local_today().replace(day=1)
    last_month_day = first_of_month - timedelta(days=20)
    late.created_at = datetime.combine(last_month_day, datetime.min.time())
    late.due_date = last_month_day + timedelta(days=3)  # open and overdue at the end of last month
    db.session.commit()
    head = login_as("agency_head", "SO-XD")
    page = client.get("/co-quan/giai-trinh").get_data(as_text=True)
    assert "cần nộp báo cáo giải trình" in page
    short = form_post(client, "/co-quan/giai-trinh", {"body": "Quá ngắn"})
    assert "ít nhất 50 ký tự" in short.get_data(as_text=True)
    body = "Nguyên nhân: thiếu cán bộ do luân chuyển. Biện pháp: bổ sung hai chuyên viên, rà soát hằng tuần."
    assert form_post(client, "/co-quan/giai-trinh", {"body": body}).status_code == 302
    assert db.session.query(Explanation).one().agency_id == head.agency_id


def test_transparency_page_is_public(client, db, petition_factory, make_user):
    published(db, petition_factory, make_user)
    page = client.get("/minh-bach").get_data(as_text=True)
    assert "Sở Xây dựng" in page and "chưa đủ đánh giá" in page


def test_citizen_rates_from_the_tracking_page_and_may_change_it(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    token = re.search(r'name="token"[^>]*value="([^"]+)"', page).group(1)
    scores = {"access": "5", "procedure": "4", "staff": "4", "result": "3", "feedback": "5", "resolved": "yes"}
    done = form_post(client, f"/danh-gia/{petition.code}", {"token": token, **scores}, page_url="/tra-cuu")
    assert done.status_code == 200 and "Cảm ơn bạn đã đánh giá" in done.get_data(as_text=True)
    form_post(client, f"/danh-gia/{petition.code}", {"token": token, **scores, "result": "5"}, page_url="/tra-cuu")
    rating = db.session.query(Rating).one()
    assert rating.result == 5 and rating.resolved
    forged = form_post(client, f"/danh-gia/{petition.code}", {"token": "forged", **scores}, page_url="/tra-cuu")
    assert forged.status_code == 404
    incomplete = form_post(client, f"/danh-gia/{petition.code}", {"token": token, "access": "5"}, page_url="/tra-cuu")
    assert incomplete.status_code == 400


def test_dialogue_follow_up_table_counts_and_drills_down(client, db, login_as, make_user):
    from datetime import timedelta

    from portal.domain import dialogue as dialogues
    from portal.domain.intake import route_pending
    from portal.domain.petitions import PetitionDraft
    from portal.models.base import utcnow

    def held(days_ago, leader):
        item = dialogues.create_session(db.session, leader_name=leader, leader_office="Chủ tịch UBND phường",
                                        level="commune", held_at=utcnow() - timedelta(days=days_ago), venue="Nhà văn hoá",
                                        participants=50, topics="", conclusion_days=3)
        dialogues.mark_held(item)
        db.session.flush()
        return item

    on_time, late = held(2, "Lê Đúng Hạn"), held(6, "Phạm Trễ Hạn")
    dialogues.publish_conclusion(on_time, "Kết luận: giao các phòng chuyên môn giải quyết dứt điểm các kiến nghị.")
    raised = dialogues.record_petition(db.session, late, PetitionDraft(
        content="Đề nghị sửa chữa tuyến đường liên tổ bị xuống cấp nghiêm trọng.", category_code="giao-thong"))
    db.session.commit()
    route_pending(db.session, ids=[raised.petition_id])
    login_as("committee")
    today = local_today()
    page = client.get(f"/ban-dan-van/?from={(today - timedelta(days=10)).isoformat()}&to={today.isoformat()}")
    text = page.get_data(as_text=True)
    table = text[text.index('id="dialogue-follow-up"'):]
    assert "Lê Đúng Hạn" in table and "Phạm Trễ Hạn" in table
    assert 'id="dialogue-on-time">1/2<' in text  # one notice on time; the other is past its 3 days, unpublished
    assert table.count("trễ hạn</span>") == 1
    link = re.search(rf'href="(/ban-dan-van/chi-tiet\?[^"]*dialogue={late.id}[^"]*)"', table).group(1)
    assert raised.code in client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    exported = client.get(f"/ban-dan-van/xuat/doi-thoai.csv?from={(today - timedelta(days=10)).isoformat()}"
                          f"&to={today.isoformat()}").get_data(as_text=True)
    assert "Phạm Trễ Hạn" in exported and ",có\r\n" in exported


def test_the_rating_form_speaks_the_citizens_language(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    assert "Tiếp cận dịch vụ" in page and "Vấn đề của bạn đã được giải quyết chưa?" in page
    client.get("/?lang=en")
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    assert "Access to the service" in page and "Has your problem been resolved?" in page
    assert "Very satisfied" in page and "Comment (optional)" in page
    assert "Tiếp cận dịch vụ" not in page


def test_a_word_with_two_meanings_gets_the_english_each_place_needs(client, login_as):
    login_as("committee")
    dashboard = client.get("/ban-dan-van/?lang=en").get_data(as_text=True)
    assert ">Ranking<" in dashboard and ">Returns<" in dashboard  # "Xếp hạng" the table, "Trả lại" a count
    login_as("secretariat")
    sessions = client.get("/doi-thoai/?lang=en").get_data(as_text=True)
    assert ">Chaired by<" in sessions and ">Lead<" not in sessions
