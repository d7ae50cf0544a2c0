"""The public search page: titles, filters, highlighting, and only what was published."""
from datetime import timedelta

from portal.domain import workflow
from portal.models.base import utcnow
from portal.text.search import highlight

LAMP = "Toàn bộ bóng chiếu sáng trên kiệt 42 Lê Duẩn đã tắt hơn hai tuần, buổi tối rất tối, đi lại không an toàn."
FLOOD = "Đường Trần Cao Vân ngập sâu sau mỗi trận mưa, cống thoát nước tắc nghẽn, nước tràn vào nhà dân."


def publish(db, petition, make_user):
    workflow.submit_answer(db.session, petition, make_user("agency_officer", petition.agency.code),
                           "<p>Đã thay bóng và sửa tủ điện chiếu sáng.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", petition.agency.code))
    db.session.commit()


def test_a_word_of_the_title_finds_the_published_petition(client, db, petition_factory, make_user):
    lamp = petition_factory(title="Đèn đường không sáng", content=LAMP, category="ha-tang-do-thi")
    publish(db, lamp, make_user)
    page = client.get("/tim-kiem?q=đèn+đường").get_data(as_text=True)
    assert lamp.code in page


def test_an_unpublished_title_is_not_found(client, db, petition_factory):
    waiting = petition_factory(title="Đèn đường không sáng", content=LAMP, category="ha-tang-do-thi")
    page = client.get("/tim-kiem?q=đèn+đường").get_data(as_text=True)
    assert waiting.code not in page


def test_matched_words_are_highlighted_and_the_rest_escaped():
    marked = highlight("Đường <b>ngập</b> & tắc", "duong ngap")
    assert str(marked) == "<mark>Đường</mark> &lt;b&gt;<mark>ngập</mark>&lt;/b&gt; &amp; tắc"
    assert str(highlight("Cống thoát nước", "")) == "Cống thoát nước"


def test_results_show_the_words_found_in_mark(client, db, petition_factory, make_user):
    flooded = petition_factory(content=FLOOD, category="ha-tang-do-thi")
    publish(db, flooded, make_user)
    page = client.get("/tim-kiem?q=duong+ngap").get_data(as_text=True)
    assert "<mark>ngập</mark>" in page and "<mark>Đường</mark>" in page


def test_category_filter_narrows_the_results(client, db, petition_factory, make_user):
    flooded = petition_factory(content=FLOOD, category="ha-tang-do-thi")
    road = petition_factory(content=FLOOD.replace("cống thoát nước tắc nghẽn", "mặt đường nhiều ổ gà"),
                            category="giao-thong")
    publish(db, flooded, make_user)
    publish(db, road, make_user)
    page = client.get("/tim-kiem?q=ngap&category=giao-thong").get_data(as_text=True)
    assert road.code in page and flooded.code not in page


def test_filters_alone_list_published_answers_by_status_period_and_ward(client, db, petition_factory, make_user):
    here = petition_factory(content=FLOOD, category="ha-tang-do-thi", ward_code="20257")
    there = petition_factory(content=FLOOD, category="ha-tang-do-thi", ward_code="20275")
    old = petition_factory(content=FLOOD, category="ha-tang-do-thi", ward_code="20257")
    unpublished = petition_factory(content=FLOOD, category="ha-tang-do-thi", ward_code="20257")
    for petition in (here, there, old):
        publish(db, petition, make_user)
    old.published_at = utcnow() - timedelta(days=60)
    db.session.commit()
    page = client.get("/tim-kiem?province_code=48&ward_code=20257&period=30&status=published").get_data(as_text=True)
    assert here.code in page
    for absent in (there, old, unpublished):
        assert absent.code not in page


def test_an_unknown_filter_value_is_refused_in_the_users_language(client, db):
    response = client.get("/tim-kiem?q=ngap&category=khong-co")
    assert response.status_code == 400
    assert "Lựa chọn không hợp lệ." in response.get_data(as_text=True)
    english = client.get("/tim-kiem?q=ngap&status=deleted&lang=en")
    assert english.status_code == 400 and "Invalid choice." in english.get_data(as_text=True)
    assert client.get("/tim-kiem?q=ngap&page=0").status_code == 400


def test_the_search_box_is_at_least_16px_so_phones_do_not_zoom(client, app):
    import re
    from pathlib import Path

    css = Path(app.static_folder, "css", "site.css").read_text()
    assert re.search(r"input, select, textarea \{ font-size: max\(16px, 1rem\); \}", css)
    assert 'type="search"' in client.get("/tim-kiem").get_data(as_text=True)


def test_a_word_typed_with_diacritics_marks_that_spelling_only():
    assert str(highlight("Đèn tắt đến 23 giờ", "đèn")) == "<mark>Đèn</mark> tắt đến 23 giờ"
    assert str(highlight("Đèn tắt đến 23 giờ", "den")) == "<mark>Đèn</mark> tắt <mark>đến</mark> 23 giờ"
