"""The committee sees rejections beside the response rate, and lists them with their reasons and notes, by period
and agency, a page at a time."""
import re
from datetime import timedelta

from portal.domain import workflow
from portal.domain.calendar import local_today
from portal.web.committee import rejections as page_module

NOTE = "Nội dung là quảng cáo dịch vụ, không phản ánh vấn đề cần giải quyết."


def reject(db, petition, coordinator, reason="spam", note=NOTE):
    workflow.reject(db.session, petition, coordinator, reason, note)
    db.session.commit()


def test_the_list_shows_each_rejection_with_its_reason_and_note(client, db, make_user, petition_factory, login_as):
    coordinator = make_user("coordinator")
    reject(db, petition_factory(), coordinator)
    reject(db, petition_factory(triage=True), coordinator, "insufficient_information",
           "Phản ánh không nêu địa điểm; đề nghị gửi lại kèm địa chỉ cụ thể.")
    login_as("committee")
    page = client.get("/ban-dan-van/tu-choi").get_data(as_text=True)
    assert "Tin rác, quảng cáo" in page and NOTE in page and "Không đủ thông tin để xử lý" in page
    assert "Chưa giao cơ quan" in page and "2 phản ánh bị từ chối" in page
    one_agency = client.get("/ban-dan-van/tu-choi?agency=SO-XD").get_data(as_text=True)
    listing = one_agency.split('id="rejections"')[1]  # the reasons table above names every reason in its head
    assert "1 phản ánh bị từ chối" in one_agency and "Không đủ thông tin" not in listing
    last_week = (local_today() - timedelta(days=7)).isoformat()
    earlier = client.get(f"/ban-dan-van/tu-choi?from={last_week}&to={last_week}").get_data(as_text=True)
    assert "Không có phản ánh bị từ chối trong kỳ." in earlier
    assert client.get("/ban-dan-van/tu-choi?from=2026-13-01").status_code == 422


def reason_cells(page: str, row: str) -> dict[str, str]:
    """{reason: count} of one row (its header text) of the table of rejections per agency and reason."""
    table = page.split('id="rejections-by-reason"')[1].split("</table>")[0]
    cells = table.split(f"<th scope=\"row\">{row}</th>")[1].split("</tr>")[0]
    return dict(re.findall(r'data-reason="(\w+)">(\d+)<', cells))


def test_the_committee_reads_rejections_per_agency_and_reason(client, db, make_user, petition_factory, login_as):
    coordinator, head = make_user("coordinator"), make_user("agency_head", "SO-XD")
    reject(db, petition_factory(), coordinator)
    reject(db, petition_factory(), coordinator, "duplicate", "Trùng với phản ánh PA-2026-000001 đã được trả lời.")
    proposed = petition_factory()
    workflow.propose_rejection(db.session, proposed, head, "abusive", NOTE)  # a proposal alone is not counted
    reject(db, petition_factory(triage=True), coordinator)
    login_as("committee")
    page = client.get("/ban-dan-van/tu-choi").get_data(as_text=True)
    zero = {"out_of_scope": "0", "abusive": "0", "insufficient_information": "0"}
    assert reason_cells(page, "Sở Xây dựng") == {"spam": "1", "duplicate": "1", **zero}
    assert reason_cells(page, "Chưa giao cơ quan") == {"spam": "1", "duplicate": "0", **zero}
    assert reason_cells(page, "Tổng") == {"spam": "2", "duplicate": "1", **zero}
    one_agency = client.get("/ban-dan-van/tu-choi?agency=SO-XD").get_data(as_text=True)
    assert "Chưa giao cơ quan" not in one_agency.split('id="rejections"')[0]
    last_week = (local_today() - timedelta(days=7)).isoformat()
    earlier = client.get(f"/ban-dan-van/tu-choi?from={last_week}&to={last_week}").get_data(as_text=True)
    assert 'id="rejections-by-reason"' not in earlier


def test_the_list_is_paginated(client, db, make_user, petition_factory, login_as, monkeypatch):
    monkeypatch.setattr(page_module, "PER_PAGE", 2)
    coordinator = make_user("coordinator")
    for _ in range(3):
        reject(db, petition_factory(), coordinator)
    login_as("committee")
    first = client.get("/ban-dan-van/tu-choi").get_data(as_text=True)
    assert first.count(NOTE) == 2 and 'rel="next"' in first
    second = client.get("/ban-dan-van/tu-choi?page=2").get_data(as_text=True)
    assert second.count(NOTE) == 1 and 'rel="prev"' in second


def test_only_the_committee_reads_the_list(client, login_as):
    login_as("agency_officer", "SO-XD")
    assert client.get("/ban-dan-van/tu-choi").status_code == 403


def test_the_dashboard_and_the_transparency_page_show_rejections_beside_the_response_rate(client, db, make_user,
                                                                                          petition_factory, login_as):
    reject(db, petition_factory(), make_user("coordinator"))
    login_as("committee")
    dashboard = client.get("/ban-dan-van/").get_data(as_text=True)
    assert 'id="rejected"><a href="/ban-dan-van/tu-choi' in dashboard
    assert '<td class="num rejected"><a href="/ban-dan-van/tu-choi?agency=SO-XD' in dashboard
    export = client.get("/ban-dan-van/xuat/xep-hang.csv").get_data(as_text=True)
    header, so_xd = export.splitlines()[0], next(line for line in export.splitlines() if ",SO-XD," in line)
    assert "Từ chối" in header
    assert so_xd.split(",")[header.split(",").index("Từ chối")] == "1"
    public = client.get("/minh-bach").get_data(as_text=True)
    assert "(1 trong kỳ)" in public and '<td class="num rejected">1</td>' in public


def test_the_agency_heads_figures_show_rejections_beside_the_response_rate(client, login_as):
    login_as("agency_head", "SO-XD")
    page = client.get("/co-quan/giai-trinh").get_data(as_text=True)
    assert re.search(r'Tỷ lệ trả lời</dt><dd id="response-rate">.*?</dd>\s*<dt>Từ chối \(ngoài tỷ lệ trả lời\)</dt>'
                     r'<dd id="rejected">0</dd>', page, re.S)
