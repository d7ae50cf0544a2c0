"""The secretariat's pages: a petition raised at a session has a place, the minutes' closing is left out, and the
menu shows each role its own entries once."""
import re
from datetime import timedelta

from portal.domain import dialogue as dialogues
from portal.models import Petition
from portal.models.base import utcnow
from tests.conftest import form_post

MINUTES = ("BIÊN BẢN BUỔI ĐỐI THOẠI\n"
           "1. Bà Lê Thị B kiến nghị nạo vét cống thoát nước tổ 5, mưa lớn là ngập cả tuần.\n"
           "2. Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần, buổi tối rất tối.\n"
           "Buổi đối thoại kết thúc lúc 11 giờ 30 cùng ngày.")


def held_session(db):
    item = dialogues.create_session(db.session, leader_name="Nguyễn Văn An", leader_office="Chủ tịch UBND phường",
                                    level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá tổ 5",
                                    participants=60, topics="", conclusion_days=3)
    dialogues.mark_held(item)
    db.session.commit()
    return item


def nav(page: str) -> str:
    return re.search(r'<ul class="nav">(.*?)</ul>', page, re.S).group(1)


def test_a_petition_raised_at_a_session_keeps_its_ward_and_address(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    page = client.get(f"/doi-thoai/{item.id}").get_data(as_text=True)
    assert '<label for="ward_code">' in page and '<label for="address">' in page
    assert '<option selected value="48">' in page or 'value="48" selected' in page
    response = form_post(client, f"/doi-thoai/{item.id}/kien-nghi", {
        "content": "Đường vào tổ 5 bị ngập sâu mỗi khi mưa lớn, đề nghị nạo vét cống.", "category": "",
        "province_code": "48", "ward_code": "20257", "address": "Kiệt 12 Núi Thành, tổ 5"},
        page_url=f"/doi-thoai/{item.id}")
    assert response.status_code == 302
    petition = db.session.query(Petition).filter_by(dialogue_session_id=item.id).one()
    assert (petition.ward_code, petition.address) == ("20257", "Kiệt 12 Núi Thành, tổ 5")
    listed = client.get(f"/doi-thoai/{item.id}").get_data(as_text=True)
    assert "Phường Hòa Cường, Kiệt 12 Núi Thành, tổ 5" in listed


def test_a_ward_of_another_province_is_refused_in_the_users_language(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    response = form_post(client, f"/doi-thoai/{item.id}/kien-nghi", {
        "content": "Đường vào tổ 5 bị ngập sâu mỗi khi mưa lớn, đề nghị nạo vét cống.", "category": "",
        "province_code": "01", "ward_code": "20257", "address": ""}, page_url=f"/doi-thoai/{item.id}",
        follow_redirects=True)
    assert "xã/phường phải thuộc tỉnh đã chọn" in response.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_minutes_are_reviewed_with_a_place_for_each_item_and_without_the_closing(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    review = form_post(client, f"/doi-thoai/{item.id}/bien-ban", {"minutes": MINUTES},
                       page_url=f"/doi-thoai/{item.id}").get_data(as_text=True)
    texts = re.findall(r'<textarea id="item-\d+" name="item" rows="3">(.*?)</textarea>', review, re.S)
    assert texts[-1] == "Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần, buổi tối rất tối."
    assert "kết thúc lúc" not in review
    assert '<label for="ward-2">' in review and '<label for="address-2">' in review
    response = form_post(client, f"/doi-thoai/{item.id}/bien-ban", {
        "item": texts, "ward": ["", "20257"], "address": ["", "Kiệt 42 Lê Duẩn"]}, page_url=f"/doi-thoai/{item.id}")
    assert response.status_code == 302
    saved = db.session.query(Petition).order_by(Petition.id).all()
    assert [(p.ward_code, p.address) for p in saved] == [(None, ""), ("20257", "Kiệt 42 Lê Duẩn")]


def test_the_secretariat_menu_has_one_dialogue_entry_and_the_import(client, login_as):
    login_as("secretariat")
    menu = nav(client.get("/doi-thoai/").get_data(as_text=True))
    assert 'href="/doi-thoai/">Ghi nhận đối thoại</a>' in menu
    assert 'href="/doi-thoai-truc-tiep/"' not in menu
    assert 'href="/tong-dai/nhap">Nhập từ tệp</a>' in menu


def test_the_coordinator_menu_links_the_import(client, login_as):
    login_as("coordinator", "VP-UBND")
    assert 'href="/tong-dai/nhap">Nhập từ tệp</a>' in nav(client.get("/co-quan/dieu-phoi").get_data(as_text=True))


def test_the_public_and_other_staff_keep_the_public_dialogue_page_in_the_menu(client, login_as):
    assert 'href="/doi-thoai-truc-tiep/">Đối thoại</a>' in nav(client.get("/").get_data(as_text=True))
    login_as("committee")
    assert 'href="/doi-thoai-truc-tiep/">Đối thoại</a>' in nav(client.get("/ban-dan-van/").get_data(as_text=True))


def test_a_refused_place_is_explained_in_english_to_an_english_reader(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    response = form_post(client, f"/doi-thoai/{item.id}/kien-nghi", {
        "content": "Đường vào tổ 5 bị ngập sâu mỗi khi mưa lớn, đề nghị nạo vét cống.", "category": "",
        "province_code": "01", "ward_code": "20257", "address": ""}, page_url=f"/doi-thoai/{item.id}?lang=en",
        follow_redirects=True)
    assert "Unknown province or ward." in response.get_data(as_text=True)
