"""The committee's page and dashboard block on leaders' reception days and dialogues; the admin's office page."""
from datetime import date, timedelta

from portal.domain import leaders
from portal.domain.calendar import local_today
from portal.models import AuditEntry, LeaderOffice
from tests.conftest import form_post
from tests.domain.test_leaders import commune_office, held, province_office


def last_month():
    last = local_today().replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def test_the_committee_sees_who_fell_short_last_month_and_what_is_left_this_month(client, db, login_as):
    first, _last = last_month()
    province, commune = province_office(db), commune_office(db)
    held(db, province, first + timedelta(days=3))
    held(db, commune, first + timedelta(days=4))  # one of two
    db.session.commit()
    login_as("committee")
    page = client.get("/ban-dan-van/nguoi-dung-dau").get_data(as_text=True)
    table = page[page.index('id="compliance"'):]
    assert "Nguyễn Văn Tỉnh" in table and "Trần Thị Xã" in table
    assert table.count("Không đạt") == 1 and "1 / 1" in table and "2 / 1" in table
    pending = page[page.index('id="pending"'):page.index('id="compliance"')]
    assert "Nguyễn Văn Tỉnh" in pending and "0/1" in pending and "0/2" in pending  # nothing held yet this month
    dashboard = client.get("/ban-dan-van/").get_data(as_text=True)
    block = dashboard[dashboard.index('id="leaders-block"'):]
    assert "Trần Thị Xã" in block[:block.index("</section>")] and "1/2" in block


def test_a_bad_period_is_a_422_sentence(client, db, login_as):
    login_as("committee")
    response = client.get("/ban-dan-van/nguoi-dung-dau?from=2026-12-01&to=2026-01-01")
    assert response.status_code == 422 and "Khoảng thời gian không hợp lệ" in response.get_data(as_text=True)


def test_the_admin_adds_an_office_changes_its_holder_and_obligation_all_audited(client, db, login_as):
    admin = login_as("admin")
    response = form_post(client, "/quan-tri/lanh-dao/moi", {
        "title": "Chủ tịch UBND xã", "level": "commune", "place_code": "20275", "holder_name": "Võ Văn Cũ",
        "starts_on": "2025-07-01", "secretariat_email": ""}, page_url="/quan-tri/lanh-dao")
    assert response.status_code == 302
    office = db.session.query(LeaderOffice).one()
    form_post(client, f"/quan-tri/lanh-dao/{office.id}/nguoi-giu", {"name": "Đỗ Thị Mới", "starts_on": "2026-11-16"},
              page_url="/quan-tri/lanh-dao")
    form_post(client, f"/quan-tri/lanh-dao/{office.id}/nghia-vu", {"kind": "dialogue", "period": "quarter",
                                                                   "count": "1"}, page_url="/quan-tri/lanh-dao")
    db.session.expire_all()
    office = db.session.get(LeaderOffice, office.id)
    assert [(h.name, h.ends_on) for h in office.holders] == [("Võ Văn Cũ", date(2026, 11, 15)), ("Đỗ Thị Mới", None)]
    assert ("dialogue", 1, "quarter") in {(o.kind, o.count, o.period) for o in office.obligations}
    mine = {(e.object_type, e.action) for e in db.session.query(AuditEntry).filter_by(actor_id=admin.id)}
    assert {("leader_office", "create"), ("office_holder", "update"), ("office_holder", "create"),
            ("obligation", "create")} <= mine
    page = client.get("/quan-tri/lanh-dao").get_data(as_text=True)
    assert "Đỗ Thị Mới" in page and "16/11/2026" in page


def test_an_unknown_place_is_refused_with_a_sentence(client, db, login_as):
    login_as("admin")
    response = form_post(client, "/quan-tri/lanh-dao/moi", {
        "title": "Chủ tịch UBND xã", "level": "commune", "place_code": "00000", "holder_name": "A",
        "starts_on": "2025-07-01"}, page_url="/quan-tri/lanh-dao", follow_redirects=True)
    assert "Mã địa bàn không có trong danh mục" in response.get_data(as_text=True)
    assert db.session.query(LeaderOffice).count() == 0
    assert leaders.offices(db.session) == []


def test_the_periodic_report_prints_with_letterhead_and_downloads_as_xlsx(client, db, login_as):
    import io

    from openpyxl import load_workbook

    from portal.domain import dialogue as dialogues
    from portal.domain.petitions import PetitionDraft
    from tests.conftest import VALID_CONTENT

    office = commune_office(db)
    item = held(db, office, date(2026, 10, 6))
    item.participants = 9
    dialogues.record_petition(db.session, item, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
    db.session.commit()
    login_as("committee")
    page = client.get("/ban-dan-van/bao-cao-tiep-dan?ky=quy&so=4&nam=2026").get_data(as_text=True)
    assert "Độc lập - Tự do - Hạnh phúc" in page and "Trưởng ban" in page and "01/10/2026" in page
    held_list = page[page.index('id="report-held"'):page.index("</ul>", page.index('id="report-held"'))]
    assert "<strong>1</strong>" in held_list and "<strong>9</strong>" in held_list
    assert "Giao thông" in page[page.index('id="report-categories"'):]
    response = client.get("/ban-dan-van/bao-cao-tiep-dan?ky=quy&so=4&nam=2026&fmt=xlsx")
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("Buổi tiếp công dân định kỳ", 1) and rows[3][:2] == ("Lượt công dân được tiếp", 9)
    assert rows[6] == ("Giao thông", 1, 0, 0, 1, 0) and rows[-1][0] == "Tổng"
    assert client.get("/ban-dan-van/bao-cao-tiep-dan?ky=quy&so=7&nam=2026").status_code == 422


def test_the_committee_page_shows_answers_on_time_offices_without_address_and_ad_hoc_candidates(
        client, db, login_as, petition_factory):
    first, _last = last_month()
    province = province_office(db)
    commune_office(db)  # without an address
    province.secretariat_email = "vanphong.tinh@danang.gov.vn"
    held(db, province, first + timedelta(days=3))
    crowded = petition_factory()
    crowded.supporters = 42
    db.session.commit()
    login_as("committee")
    page = client.get("/ban-dan-van/nguoi-dung-dau").get_data(as_text=True)
    table = page[page.index('id="compliance"'):]
    rows = {name: table[table.index(name):table.index("</tr>", table.index(name))]
            for name in ("Nguyễn Văn Tỉnh", "Trần Thị Xã")}
    assert "chưa có địa chỉ thư của văn phòng" in rows["Trần Thị Xã"]
    assert "chưa có địa chỉ thư của văn phòng" not in rows["Nguyễn Văn Tỉnh"]
    assert 'class="answered-on-time">0 / 0 / 0' in rows["Nguyễn Văn Tỉnh"]
    candidates = page[page.index('id="ad-hoc"'):]
    assert crowded.code in candidates and "42 người cùng ủng hộ" in candidates and "Giao thông" in candidates
    dashboard = client.get("/ban-dan-van/").get_data(as_text=True)
    count = dashboard[dashboard.index('id="ad-hoc-count"'):dashboard.index("</p>", dashboard.index('id="ad-hoc-count"'))]
    assert "Vụ việc nên tiếp dân đột xuất: 1" in count and "/ban-dan-van/nguoi-dung-dau#ad-hoc" in count


def test_ad_hoc_candidates_are_for_the_committee_and_admins_only(client, db, login_as):
    login_as("agency_officer", "SO-XD")
    assert client.get("/ban-dan-van/nguoi-dung-dau").status_code == 403


def test_the_admin_sets_the_secretariat_address_validated_and_audited(client, db, login_as):
    admin = login_as("admin")
    office = province_office(db)
    db.session.commit()
    url = f"/quan-tri/lanh-dao/{office.id}/van-phong"
    refused = form_post(client, url, {"secretariat_email": "văn phòng@"}, page_url="/quan-tri/lanh-dao",
                        follow_redirects=True)
    assert "Địa chỉ thư điện tử của văn phòng không hợp lệ" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(LeaderOffice, office.id).secretariat_email is None
    form_post(client, url, {"secretariat_email": "vanphong.tinh@danang.gov.vn"}, page_url="/quan-tri/lanh-dao")
    db.session.expire_all()
    assert db.session.get(LeaderOffice, office.id).secretariat_email == "vanphong.tinh@danang.gov.vn"
    entry = db.session.query(AuditEntry).filter_by(object_type="leader_office", action="update",
                                                   actor_id=admin.id).one()
    assert "vanphong.tinh@danang.gov.vn" in entry.changes
    page = client.get("/quan-tri/lanh-dao").get_data(as_text=True)
    assert 'value="vanphong.tinh@danang.gov.vn"' in page


def test_the_admin_page_shows_the_source_of_each_default_figure(client, db, login_as):
    login_as("admin")
    office = commune_office(db)
    leaders.set_obligation(db.session, office, kind="reception", period="month", count=4)
    db.session.commit()
    page = client.get("/quan-tri/lanh-dao").get_data(as_text=True)
    card = page[page.index(f'id="office-{office.id}"'):]
    assert "Căn cứ: Luật Tổ chức chính quyền địa phương 2025, Điều 43" in card
    assert "Căn cứ: mức do quản trị đặt" in card  # 4 reception days a month is the admin's, not the rule's
    defaults = page[page.index('id="default-sources"'):page.index("</details>", page.index('id="default-sources"'))]
    assert "Quy định 11-QĐi/TW" in defaults and "ít nhất 1 ngày trong 1 tháng" in defaults


def test_the_public_dialogue_list_keeps_reception_days_under_their_own_heading(client, db):
    commune = commune_office(db)
    dialogue = held(db, commune, date(2026, 10, 20), kind="dialogue")
    reception = held(db, commune, date(2026, 10, 6))
    db.session.commit()
    page = client.get("/doi-thoai-truc-tiep/").get_data(as_text=True)
    dialogues = page[page.index('id="dialogues"'):page.index("</ul>", page.index('id="dialogues"'))]
    receptions = page[page.index('id="receptions"'):page.index("</ul>", page.index('id="receptions"'))]
    assert f"/doi-thoai-truc-tiep/{dialogue.id}" in dialogues and f"/doi-thoai-truc-tiep/{reception.id}" not in dialogues
    assert f"/doi-thoai-truc-tiep/{reception.id}" in receptions and "Tiếp công dân" in page
