"""The committee's map (/ban-dan-van/ban-do): every petition at its exact point, whatever its status or consent, and
the petitions per ward at each ward's mean point, for the committee and administrators only; the same filters as the
public map (category, status, agency, days of receipt), a table of the wards with most petitions below it."""
from datetime import timedelta

import pytest

from portal.domain.committee_map import staff_points, ward_counts
from portal.domain.public_map import Box, MapFilters
from portal.models.base import utcnow

HOA_CUONG, AN_HAI, CAM_LE = "20257", "20275", "20260"
POINTS = "/ban-dan-van/ban-do/diem"
WARDS = "/ban-dan-van/ban-do/phuong-xa"


def local_today():
    return (utcnow() + timedelta(hours=7)).date()


def this_month() -> MapFilters:
    return MapFilters(first_day=local_today().replace(day=1), last_day=local_today())


@pytest.mark.parametrize("url", ["/ban-dan-van/ban-do", POINTS, WARDS])
@pytest.mark.parametrize("role", ["committee", "admin"])
def test_the_committee_and_administrators_may_open_it(client, login_as, url, role):
    login_as(role)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/ban-dan-van/ban-do", POINTS, WARDS])
@pytest.mark.parametrize("role, agency", [("agency_officer", "SO-XD"), ("agency_head", "SO-XD"), ("coordinator", None),
                                          ("operator", None)])
def test_other_staff_are_refused_with_a_403(client, login_as, url, role, agency):
    login_as(role, agency)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", ["/ban-dan-van/ban-do", POINTS, WARDS])
def test_anyone_not_signed_in_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"]


def test_every_petition_with_a_place_is_a_point_at_its_exact_spot_whatever_its_status_or_consent(
        client, login_as, petition_factory):
    private = petition_factory(lat=16.068437, lng=108.221263, consent_public=False, title="Nguyễn Văn Bình báo ổ gà")
    petition_factory(lat=None, lng=None)
    login_as("committee")
    body = client.get(POINTS).get_json()
    assert body["truncated"] is False
    [feature] = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [108.221263, 16.068437]}
    assert feature["properties"] == {
        "code": private.code, "title": "Nguyễn Văn Bình báo ổ gà", "category": "giao-thong",
        "status": private.status, "agency": private.agency.code, "ward": HOA_CUONG,
        "created_at": private.created_at.isoformat(timespec="seconds") + "Z",
        "url": f"/ban-dan-van/phan-anh/{private.code}"}


# On SQLite a long period is read through the table, a short one through the index of created_at
# (committee_map.SCAN_SHARE): both roads are tried.
BOTH_ROADS = pytest.mark.parametrize("scan_share", [1.0, 0.0], ids=["by index", "read through"])


@BOTH_ROADS
def test_petitions_per_ward_equal_a_count_by_hand_each_ward_at_the_mean_of_its_points(
        db, petition_factory, monkeypatch, scan_share):
    monkeypatch.setattr("portal.domain.committee_map.SCAN_SHARE", scan_share)
    made = [(HOA_CUONG, 16.050, 108.220), (HOA_CUONG, 16.060, 108.230), (HOA_CUONG, None, None),
            (AN_HAI, 16.070, 108.240), (CAM_LE, None, None), (None, 16.0, 108.0)]
    for ward, lat, lng in made:
        petition_factory(ward_code=ward, lat=lat, lng=lng, **({} if ward else {"province_code": None}))
    by_hand = {}
    for ward, lat, lng in made:
        if ward:
            entry = by_hand.setdefault(ward, {"petitions": 0, "points": []})
            entry["petitions"] += 1
            if lat is not None:
                entry["points"].append((lat, lng))
    wards = ward_counts(db.session, this_month())
    assert [w.ward_code for w in wards] == [HOA_CUONG, AN_HAI, CAM_LE]  # most first, then by name
    for ward in wards:
        expected = by_hand[ward.ward_code]
        assert ward.petitions == expected["petitions"]
        points = expected["points"]
        if points:
            assert ward.lat == pytest.approx(sum(p[0] for p in points) / len(points))
            assert ward.lng == pytest.approx(sum(p[1] for p in points) / len(points))
        else:
            assert (ward.lat, ward.lng) == (None, None)
    assert wards[0].name == "Phường Hòa Cường"


def test_the_wards_json_is_the_heat_layers_data(client, login_as, petition_factory):
    for lat in (16.05, 16.06):
        petition_factory(lat=lat, lng=108.22)
    login_as("committee")
    assert client.get(WARDS).get_json() == {"wards": [
        {"ward": HOA_CUONG, "name": "Phường Hòa Cường", "petitions": 2, "lat": pytest.approx(16.055), "lng": 108.22}]}


@BOTH_ROADS
def test_filters_by_category_status_agency_and_days_of_receipt(client, login_as, db, petition_factory, monkeypatch,
                                                               scan_share):
    monkeypatch.setattr("portal.domain.committee_map.SCAN_SHARE", scan_share)
    road = petition_factory(category="giao-thong", lat=16.05, lng=108.22)
    school = petition_factory(category="giao-duc", lat=16.06, lng=108.22, ward_code=AN_HAI)
    old = petition_factory(category="giao-thong", lat=16.07, lng=108.22)
    old.created_at = utcnow() - timedelta(days=40)
    db.session.commit()
    login_as("committee")
    today = local_today()

    def codes(query):
        return {f["properties"]["code"] for f in client.get(f"{POINTS}?{query}").get_json()["features"]}

    def wards(query):
        return {w["ward"]: w["petitions"] for w in client.get(f"{WARDS}?{query}").get_json()["wards"]}

    month = f"from={today - timedelta(days=10)}&to={today}"
    assert codes(month) == {road.code, school.code}
    assert codes(f"from={today - timedelta(days=60)}&to={today}") == {road.code, school.code, old.code}
    assert codes(f"{month}&category=giao-duc") == {school.code}
    assert codes(f"{month}&agency={school.agency.code}") == {school.code}
    assert codes(f"{month}&status={road.status}") == {road.code, school.code}
    assert codes(f"{month}&status=closed") == set()
    assert wards(month) == {HOA_CUONG: 1, AN_HAI: 1}
    assert wards(f"{month}&category=giao-duc") == {AN_HAI: 1}
    assert wards(f"from={today - timedelta(days=60)}&to={today - timedelta(days=30)}") == {HOA_CUONG: 1}
    assert codes(f"from={today - timedelta(days=60)}&to={today}&bbox=108.2,16.065,108.3,16.075") == {old.code}


def test_points_are_capped_newest_first_and_a_box_narrows_them(db, petition_factory):
    oldest, middle, newest = (petition_factory(lat=16.05 + i / 100, lng=108.22) for i in range(3))
    for age, petition in enumerate((newest, middle, oldest)):
        petition.created_at = utcnow() - timedelta(minutes=age)
    db.session.commit()
    capped = staff_points(db.session, this_month(), cap=2)
    assert [p.code for p in capped.points] == [newest.code, middle.code] and capped.truncated
    whole = staff_points(db.session, this_month(), cap=3)
    assert len(whole.points) == 3 and not whole.truncated
    boxed = MapFilters(box=Box(108.2, 16.045, 108.3, 16.055), first_day=local_today().replace(day=1),
                       last_day=local_today())
    assert [p.code for p in staff_points(db.session, boxed).points] == [oldest.code]


@pytest.mark.parametrize("query, named", [("category=khong-co", "khong-co"), ("agency=KHONG-CO", "KHONG-CO"),
                                          ("status=dang-lam", "status"), ("from=2026-13-01", "from"),
                                          ("bbox=1,2,3", "bbox")])
def test_an_unreadable_filter_is_a_422_in_the_users_language(client, login_as, query, named):
    login_as("committee")
    response = client.get(f"{POINTS}?{query}", headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "validation_failed"
    assert named in response.get_json()["error"]["message"]


def test_the_page_keeps_its_form_and_says_what_is_wrong(client, login_as):
    login_as("committee")
    response = client.get("/ban-dan-van/ban-do?from=2026-05-02&to=2026-05-01")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'name="category"' in html and "Khoảng thời gian không hợp lệ" in html
    assert 'id="committee-map"' not in html


def test_the_page_lists_the_wards_with_most_petitions_and_hands_its_filters_to_the_map(
        client, login_as, petition_factory):
    for _ in range(2):
        petition_factory(ward_code=AN_HAI, lat=16.07, lng=108.24)
    petition_factory(ward_code=HOA_CUONG)
    petition_factory(ward_code=CAM_LE, category="giao-duc")
    login_as("committee")
    today = local_today()
    html = client.get(f"/ban-dan-van/ban-do?from={today}&to={today}&category=giao-thong").get_data(as_text=True)
    assert "Phường/xã có nhiều phản ánh nhất" in html
    table = html[html.index('<table id="wards">'):html.index("</table>")]
    assert table.index("Phường An Hải") < table.index("Phường Hòa Cường") and "Phường Cẩm Lệ" not in table
    assert '<th scope="row">Phường An Hải</th><td class="num">2</td>' in table
    assert f'data-query="from={today}&amp;to={today}&amp;category=giao-thong"' in html
    assert "<script>" not in html  # everything the map does is in static/js/committee-map.js (CSP)


def test_the_dashboard_leads_to_the_map_with_its_period_and_filters(client, login_as):
    login_as("committee")
    html = client.get("/ban-dan-van/?from=2026-11-01&to=2026-11-30&category=giao-thong&channel=web").get_data(
        as_text=True)
    assert 'href="/ban-dan-van/ban-do?from=2026-11-01&amp;to=2026-11-30&amp;category=giao-thong"' in html
