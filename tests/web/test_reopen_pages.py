"""The rating pages tell the citizen (or the operator reading it out) what a "not resolved" did; the committee's
pages and exports show the reopenings."""
import re
from datetime import timedelta

from portal.domain import workflow
from portal.domain.calendar import utcnow
from portal.domain.ratings import rate_petition
from tests.conftest import form_post

SCORES = {"access": "2", "procedure": "2", "staff": "3", "result": "1", "feedback": "2"}


def published(db, petition_factory, make_user, **fields):
    petition = petition_factory(category="giao-thong", **fields)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def rate_on_the_web(client, petition, resolved="no"):
    page = form_post(client, "/tra-cuu",
                     {"code": petition.code, "secret": petition.plain_secret}).get_data(as_text=True)
    token = re.search(r'name="token"[^>]*value="([^"]+)"', page).group(1)
    return form_post(client, f"/danh-gia/{petition.code}",
                     {"token": token, **SCORES, "resolved": resolved, "comment": "Vẫn chưa sửa."}, page_url="/tra-cuu")


def test_the_rating_page_says_the_petition_was_reopened_and_to_whom(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    page = rate_on_the_web(client, petition).get_data(as_text=True)
    assert "Phản ánh đã được mở lại và chuyển lại cho Sở Xây dựng xử lý, hạn trả lời mới là" in page
    assert f"{petition.due_date:%d/%m/%Y}" in page
    assert "Bạn có thể sửa đánh giá trong 7 ngày" not in page  # a reopened petition has no answer to rate


def test_the_rating_page_says_the_second_time_goes_to_the_coordinator(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    rate_petition(db.session, petition, {k: int(v) for k, v in SCORES.items()}, False)
    db.session.commit()
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đã vá lại lần nữa, kỹ hơn.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    assert "chuyển bộ phận điều phối xem xét" in rate_on_the_web(client, petition).get_data(as_text=True)


def test_the_rating_page_says_an_old_answer_is_not_reopened(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    petition.published_at = utcnow() - timedelta(days=9)
    db.session.commit()
    assert "quá 7 ngày nên phản ánh không được mở lại" in rate_on_the_web(client, petition).get_data(as_text=True)
    assert petition.status == "published"


def test_the_operator_reads_out_the_reopening(client, db, login_as, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, channel="hotline")
    login_as("operator")
    saved = form_post(client, f"/tong-dai/phan-anh/{petition.code}/danh-gia", {**SCORES, "resolved": "no"},
                      follow_redirects=True)
    assert "Phản ánh đã được mở lại và chuyển lại cho Sở Xây dựng" in saved.get_data(as_text=True)


def test_dashboard_transparency_and_export_show_reopenings(client, db, login_as, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    rate_on_the_web(client, petition)
    assert "Tỷ lệ mở lại" in client.get("/minh-bach").get_data(as_text=True)
    login_as("committee")
    dashboard = client.get("/ban-dan-van/").get_data(as_text=True)
    assert re.search(r'id="reopened">1 <span class="meta">\(100\.0%\)', dashboard)
    export = client.get("/ban-dan-van/xuat/xep-hang.csv").get_data(as_text=True).splitlines()
    header, so_xd = export[0].split(","), next(line for line in export if "SO-XD" in line).split(",")
    assert (so_xd[header.index("Mở lại")], so_xd[header.index("Tỷ lệ mở lại (%)")]) == ("1", "100.0")
