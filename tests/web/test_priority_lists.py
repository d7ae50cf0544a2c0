"""Every staff list shows an item's priority in words and, for an urgent item, the hour it is due on Vietnam's
clock: the staff search and the petitions raised at a dialogue session, as the inbox, triage and drill-down do."""
import re

from portal.domain import calendar
from tests.web.test_dialogue_pages import held_session

URGENT = '<span class="badge bad urgent">Khẩn</span>'


def hour_of(petition) -> str:
    return calendar.local_time(petition.due_at).strftime("%H:%M %d/%m/%Y")


def test_the_staff_search_shows_priority_and_an_urgent_items_hour(client, login_as, petition_factory):
    urgent = petition_factory(content="Cây đổ đè lên dây điện trên đường Lê Duẩn, dây điện đang chập rất nguy hiểm.",
                              priority="urgent")
    normal = petition_factory(content="Cây xanh trên đường Lê Duẩn cần được tỉa cành trước mùa mưa bão năm nay.")
    login_as("coordinator")
    page = client.get("/co-quan/tim-kiem?q=Lê Duẩn").get_data(as_text=True)
    urgent_row = re.search(rf"{urgent.code}</a>(.*?)</tr>", page, re.S).group(1)
    normal_row = re.search(rf"{normal.code}</a>(.*?)</tr>", page, re.S).group(1)
    assert URGENT in urgent_row and hour_of(urgent) in urgent_row
    assert URGENT not in normal_row and normal.due_date.strftime("%d/%m/%Y") in normal_row


def test_the_petitions_of_a_dialogue_session_show_priority_and_an_urgent_items_hour(client, db, login_as,
                                                                                 petition_factory):
    item = held_session(db)
    urgent = petition_factory(priority="urgent", dialogue_session_id=item.id)
    login_as("secretariat")
    page = client.get(f"/doi-thoai/{item.id}").get_data(as_text=True)
    row = re.search(rf"{urgent.code}(.*?)</tr>", page, re.S).group(1)
    assert URGENT in row and hour_of(urgent) in row
