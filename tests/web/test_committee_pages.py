"""The committee's pages read as words, not codes: filters, heat map, drill-down, the item, the printed report."""
from datetime import timedelta
import re
from html import unescape

from portal.domain import workflow


def published(db, petition_factory, make_user, **fields):
    petition = petition_factory(category="giao-thong", **fields)
    officer = make_user("agency_officer", "SO-XD")
    workflow.submit_answer(db.session, petition, officer, "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def links(page: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', page)]


def test_channel_filter_offers_names_not_codes(client, login_as):
    login_as("committee")
    page = client.get("/ban-dan-van/").get_data(as_text=True)
    channel_select = re.search(r'<select id="channel".*?</select>', page, re.S).group(0)
    assert '<option value="hotline" >Đường dây nóng 1022</option>' in channel_select
    assert ">hotline<" not in channel_select and ">api<" not in channel_select
    english = client.get("/ban-dan-van/?lang=en").get_data(as_text=True)
    assert ">web<" not in re.search(r'<select id="channel".*?</select>', english, re.S).group(0)


def test_heat_map_names_the_agencies(client, db, login_as, petition_factory, make_user):
    published(db, petition_factory, make_user)
    login_as("committee")
    page = client.get("/ban-dan-van/").get_data(as_text=True)
    heat_head = re.search(r'<table class="heat">.*?</thead>', page, re.S).group(0)
    assert "Sở Xây dựng" in heat_head and "SO-XD" not in heat_head


def test_the_month_to_date_figures_explain_why_overdue_can_exceed_received(client, login_as):
    login_as("committee")
    page = client.get("/ban-dan-van/").get_data(as_text=True)
    note = re.search(r'<div class="figures-note" id="figures-note">(.*?)</div>', page, re.S).group(1)
    assert "tiếp nhận từ các tháng trước" in note and "trễ hạn" in note
    assert "số quá hạn có thể lớn hơn số tiếp nhận" in note
    assert "từ đầu tháng đến hôm nay" in page


def test_drill_down_names_the_figure_links_each_item_and_leads_back_with_the_filters(client, db, login_as,
                                                                                  petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    login_as("committee")
    dashboard = client.get("/ban-dan-van/?category=giao-thong&channel=web").get_data(as_text=True)
    drill = next(link for link in links(dashboard) if "figure=received" in link and "agency=SO-XD" in link)
    page = client.get(drill).get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert heading == "Tiếp nhận: Sở Xây dựng"
    assert "Phản ánh gửi đến trong kỳ." in page and "received" not in heading
    assert f'href="/ban-dan-van/phan-anh/{petition.code}"' in page
    back = next(link for link in links(page) if link.startswith("/ban-dan-van/?"))
    assert "category=giao-thong" in back and "channel=web" in back and "agency" not in back
    assert client.get(back).status_code == 200


def test_the_overdue_drill_down_says_what_it_counts(client, db, login_as, petition_factory):
    from datetime import timedelta

    late = petition_factory(category="giao-thong")
    late.due_date = late.created_at.date() - timedelta(days=1)
    db.session.commit()
    login_as("committee")
    page = client.get("/ban-dan-van/chi-tiet?figure=overdue").get_data(as_text=True)
    assert re.search(r"<h1>Quá hạn: tất cả cơ quan</h1>", page)
    assert "dù tiếp nhận từ tháng nào" in page and late.code in page


def test_a_dashboard_card_drills_down_to_its_items(client, db, login_as, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    login_as("committee")
    dashboard = client.get("/ban-dan-van/").get_data(as_text=True)
    card = next(link for link in links(dashboard) if "figure=answered" in link and "agency=" not in link)
    assert petition.code in client.get(card).get_data(as_text=True)


def test_the_committee_reads_an_item_without_the_senders_contact_details(client, db, login_as, petition_factory,
                                                                         make_user):
    petition = published(db, petition_factory, make_user, reporter_phone="0905123456", reporter_name="Trần Văn An")
    login_as("committee")
    page = client.get(f"/ban-dan-van/phan-anh/{petition.code}").get_data(as_text=True)
    assert "ổ gà" in page and "Rõ người" in page and "Đã vá xong" in page
    assert "0905123456" not in page and "Trần Văn An" not in page
    assert client.get("/ban-dan-van/phan-anh/PA-0000-000000").status_code == 404


def test_only_the_committee_reads_items_through_its_pages(client, login_as, petition_factory):
    petition = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-NNMT")
    assert client.get(f"/ban-dan-van/phan-anh/{petition.code}").status_code == 403


def test_the_monthly_report_has_a_month_picker_a_chart_a_letterhead_and_a_signature(client, db, login_as,
                                                                                   petition_factory, make_user):
    published(db, petition_factory, make_user)
    login_as("committee")
    page = client.get("/ban-dan-van/bao-cao?month=2026-10").get_data(as_text=True)
    assert re.search(r'<input type="month" id="month" name="month" value="2026-10"', page)
    assert '<label for="month">' in page
    assert 'aria-labelledby="ontime-title"' in page and "<svg" in page
    letterhead = re.search(r'<header class="letterhead">(.*?)</header>', page, re.S).group(1)
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in letterhead and "Độc lập - Tự do - Hạnh phúc" in letterhead
    assert "Thành ủy Đà Nẵng" in letterhead and "Ban Dân vận" in letterhead
    assert re.search(r"Đà Nẵng, ngày \d\d tháng \d\d năm 20\d\d", letterhead)
    signatures = re.search(r'<footer class="signatures">(.*?)</footer>', page, re.S).group(1)
    assert "Nơi nhận" in signatures and "Trưởng ban" in signatures and "Ký, ghi rõ họ tên" in signatures
    assert "css/staff.css" in page
    css = client.get("/static/css/staff.css").get_data(as_text=True)
    assert "@media print" in css and "@page" in css


def test_a_malformed_report_month_is_a_clear_error(client, login_as):
    login_as("committee")
    response = client.get("/ban-dan-van/bao-cao?month=10-2026")
    assert response.status_code == 422 and "Tháng phải theo dạng YYYY-MM" in response.get_data(as_text=True)
    assert client.get("/ban-dan-van/bao-cao?month=0001-01").status_code == 422


def test_the_report_of_the_month_in_progress_stops_at_today_and_a_future_month_is_refused(client, login_as):
    from portal.domain.calendar import local_today

    today = local_today()
    login_as("committee")
    page = client.get(f"/ban-dan-van/bao-cao?month={today:%Y-%m}").get_data(as_text=True)
    assert f"đến ngày {today:%d/%m/%Y}" in page
    future = (today.replace(day=28) + timedelta(days=5)).strftime("%Y-%m")
    response = client.get(f"/ban-dan-van/bao-cao?month={future}")
    assert response.status_code == 422 and "đến tháng hiện tại" in response.get_data(as_text=True)
