"""The agency's workspace is easy to work from: open items first, each item's age, a formatting toolbar."""
import re
from datetime import datetime, timedelta

from portal.domain import workflow


def answered(db, petition_factory, make_user, publish: bool):
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    workflow.submit_answer(db.session, petition, officer, "<p>Đã vá xong ổ gà trên đường.</p>")
    if publish:
        workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def tab_link(page: str, key: str) -> re.Match:
    return re.search(rf'<a href="[^"]*"\s+(aria-current="page"\s+)?id="tab-{key}">([^<]*)</a>', page)


def test_the_inbox_opens_on_open_work_and_keeps_drafts_and_published_answers_apart(client, db, login_as,
                                                                                  petition_factory, make_user):
    open_item = petition_factory(category="giao-thong")
    awaiting = answered(db, petition_factory, make_user, publish=False)
    done = answered(db, petition_factory, make_user, publish=True)
    login_as("agency_head", "SO-XD")
    page = client.get("/co-quan/").get_data(as_text=True)
    assert open_item.code in page and awaiting.code not in page and done.code not in page
    assert tab_link(page, "open").group(1) and tab_link(page, "open").group(2) == "Đang xử lý (1)"
    assert tab_link(page, "awaiting").group(2) == "Chờ lãnh đạo duyệt (1)"
    assert tab_link(page, "done").group(2) == "Đã trả lời, đã kết thúc"
    waiting_page = client.get("/co-quan/?tab=awaiting").get_data(as_text=True)
    assert awaiting.code in waiting_page and open_item.code not in waiting_page and done.code not in waiting_page
    done_page = client.get("/co-quan/?tab=done").get_data(as_text=True)
    assert done.code in done_page and open_item.code not in done_page


def test_choosing_a_status_opens_the_tab_that_holds_it(client, db, login_as, petition_factory, make_user):
    done = answered(db, petition_factory, make_user, publish=True)
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/?status=published").get_data(as_text=True)
    assert done.code in page and tab_link(page, "done").group(1)


def test_an_items_age_counts_working_days_and_hours_on_its_first_day():
    from portal.domain.calendar import age_since

    friday_9am = datetime(2026, 11, 27, 2, 0)  # 09:00 in Vietnam
    assert age_since(friday_9am, friday_9am + timedelta(hours=5)).hours == 5
    assert age_since(friday_9am, friday_9am + timedelta(hours=5)).working_days == 0
    monday = age_since(friday_9am, datetime(2026, 11, 30, 3, 0))  # the weekend is not counted
    assert monday.working_days == 1
    # 23:30 UTC on Friday is already Saturday morning in Vietnam: still no working day has passed
    assert age_since(friday_9am, datetime(2026, 11, 27, 23, 30)).working_days == 0


def test_the_triage_list_shows_how_long_each_item_has_waited(client, db, login_as, petition_factory):
    from portal.domain.calendar import load_overrides, utcnow, working_days_between, local_date

    old = petition_factory(category="khac", triage=True)
    old.created_at = utcnow() - timedelta(days=9)
    new = petition_factory(category="khac", triage=True)
    db.session.commit()
    days = working_days_between(local_date(old.created_at), local_date(utcnow()), load_overrides(db.session))
    login_as("coordinator", "VP-UBND")
    page = client.get("/co-quan/dieu-phoi").get_data(as_text=True)
    assert "Đã chờ" in page
    row_old = re.search(rf"<tr><td[^>]*>{old.code}\b.*?</tr>", page, re.S).group(0)
    row_new = re.search(rf"<tr><td[^>]*>{new.code}\b.*?</tr>", page, re.S).group(0)
    assert f"{days} ngày làm việc" in row_old
    assert "dưới 1 giờ" in row_new


def test_the_inbox_shows_each_items_age(client, login_as, petition_factory):
    petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/").get_data(as_text=True)
    assert re.search(r'<td class="age" data-label="Đã chờ">dưới 1 giờ</td>', page)


def test_the_answer_box_has_a_labelled_formatting_toolbar(client, login_as, petition_factory):
    petition = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    page = client.get(f"/co-quan/phan-anh/{petition.code}").get_data(as_text=True)
    toolbar = re.search(r'<div class="toolbar" role="toolbar"[^>]*>.*?</div>', page, re.S).group(0)
    assert 'aria-controls="answer-content"' in toolbar and 'aria-label="Định dạng câu trả lời"' in toolbar
    for label in ("Đậm", "Nghiêng", "Danh sách", "Đoạn văn"):
        assert re.search(rf'<button type="button" data-format="\w+" title="[^"]+">(<\w+>)?{label}(</\w+>)?</button>',
                         toolbar), label
    assert "js/answer-toolbar.js" in page
    assert "setRangeText" in client.get("/static/js/answer-toolbar.js").get_data(as_text=True)
