"""The public map (/ban-do) and its data (GET /api/v1/map): only published petitions whose senders consented, only
their public title, their place to about 100 m, filtered and paginated; a wrong query is a 422 in the user's
language, shaped like every other invalid input of /api/v1."""
from datetime import timedelta

import pytest

from portal.domain import workflow
from portal.domain.lifecycle import transition
from portal.models.base import utcnow
from portal.web.security import content_security_policy
from tests.api.test_petitions_api import validate

# Trần Phú, Hải Châu, Đà Nẵng: the stored point, and what the public may see of it.
LAT, LNG = 16.068437, 108.221263
PUBLIC_POINT = [108.221, 16.068]
NAMED_TITLE = "Nguyễn Văn Bình phản ánh đèn đường hỏng"


def answered(db, petition, make_user):
    workflow.submit_answer(db.session, petition, make_user("agency_officer", petition.agency.code),
                           "<p>Đã thay bóng đèn và sửa tủ điện chiếu sáng.</p>")
    db.session.commit()
    return petition


def published(db, petition_factory, make_user, **fields):
    fields.setdefault("lat", LAT)
    fields.setdefault("lng", LNG)
    petition = answered(db, petition_factory(**fields), make_user)
    workflow.approve_answer(db.session, petition, make_user("agency_head", petition.agency.code))
    db.session.commit()
    return petition


def features(client, query: str = "", **headers) -> list[dict]:
    response = client.get("/api/v1/map" + query, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["features"]


def codes(client, query: str = "") -> set[str]:
    return {feature["properties"]["code"] for feature in features(client, query)}


def test_a_published_petition_is_a_geojson_point_rounded_to_about_100_m_with_its_public_page(
        client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user, category="giao-thong", title="Đèn đường Trần Phú hỏng")
    body = validate(client.get("/api/v1/map"), "/map", "get", 200)
    assert body["type"] == "FeatureCollection" and body["next_page"] is None
    [feature] = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": PUBLIC_POINT}
    assert feature["properties"] == {
        "code": petition.code, "title": petition.public_title, "category": "giao-thong", "status": "published",
        "agency": petition.agency.code, "published_at": petition.published_at.isoformat(timespec="seconds") + "Z",
        "url": f"/p/{petition.code}"}


def test_private_unconsented_unpublished_and_placeless_petitions_never_appear(client, db, petition_factory,
                                                                              make_user, monkeypatch):
    shown = published(db, petition_factory, make_user)
    published(db, petition_factory, make_user, consent_public=False)
    published(db, petition_factory, make_user, lat=None, lng=None)
    petition_factory(lat=LAT, lng=LNG)
    answered(db, petition_factory(lat=LAT, lng=LNG), make_user)
    assert codes(client) == {shown.code}
    for sparse_box in (10_000, 0):  # a box read by place or by time (see below) finds no more
        monkeypatch.setattr("portal.domain.public_map.SPARSE_BOX", sparse_box)
        assert codes(client, "?bbox=108.2,16.0,108.3,16.1") == {shown.code}
        assert codes(client, "?bbox=108.2,16.0,108.3,16.1&status=published&category=giao-thong") == {shown.code}
    page = client.get("/ban-do").get_data(as_text=True)
    assert page.count("/p/PA") == 1 and f"/p/{shown.code}" in page


def test_the_map_shows_the_approved_public_title_never_what_the_sender_wrote(client, db, petition_factory,
                                                                             make_user):
    petition = published(db, petition_factory, make_user, title=NAMED_TITLE)
    [feature] = features(client)
    assert feature["properties"]["title"] == petition.public_title == "[họ tên] phản ánh đèn đường hỏng"
    assert "Bình" not in client.get("/api/v1/map").get_data(as_text=True)
    assert "Bình" not in client.get("/ban-do").get_data(as_text=True)


# A box is read by place when it holds few points, by time otherwise (domain/public_map.py): both roads are tried.
BOTH_ROADS = pytest.mark.parametrize("sparse_box", [10_000, 0], ids=["by place", "by time"])


@BOTH_ROADS
def test_a_box_is_compared_with_the_rounded_point_so_shrinking_it_cannot_find_the_exact_spot(
        client, db, petition_factory, make_user, monkeypatch, sparse_box):
    monkeypatch.setattr("portal.domain.public_map.SPARSE_BOX", sparse_box)
    published(db, petition_factory, make_user, lat=16.0514, lng=108.2214)  # seen at 16.051, 108.221
    assert len(features(client, "?bbox=108.2,16.0,108.3,16.1")) == 1
    # Around the rounded point but not the stored one: found, as the public sees it there.
    assert len(features(client, "?bbox=108.2209,16.0509,108.2211,16.0511")) == 1
    # Around the stored point but not the rounded one: nothing, so no box narrows it down below 100 m.
    assert features(client, "?bbox=108.2213,16.0513,108.2215,16.0515") == []
    assert features(client, "?bbox=108.3,16.0,108.4,16.1") == []


def test_filters_by_category_status_agency_and_period_of_publication(client, db, petition_factory, make_user):
    road = published(db, petition_factory, make_user, category="giao-thong")
    school = published(db, petition_factory, make_user, category="giao-duc")
    transition(db.session, school, "closed", actor_label="hệ thống")
    school.published_at = utcnow() - timedelta(days=40)
    db.session.commit()
    assert codes(client, "?category=giao-thong") == {road.code}
    assert codes(client, f"?agency={school.agency.code}") == {school.code}
    assert codes(client, "?status=published") == {road.code}
    assert codes(client, "?status=closed") == {school.code}
    today = (utcnow() + timedelta(hours=7)).date()
    assert codes(client, f"?from={today - timedelta(days=7)}") == {road.code}
    assert codes(client, f"?to={today - timedelta(days=30)}") == {school.code}
    assert codes(client, f"?from={today}&to={today}&category=giao-duc") == set()


def test_pages_hold_per_page_points_newest_answer_first_and_name_the_next_page(client, db, petition_factory,
                                                                               make_user):
    first, second, third = (published(db, petition_factory, make_user) for _ in range(3))
    for age, petition in enumerate((third, second, first)):
        petition.published_at = utcnow() - timedelta(hours=age)
    db.session.commit()
    page_one = client.get("/api/v1/map?per_page=2").get_json()
    assert [f["properties"]["code"] for f in page_one["features"]] == [third.code, second.code]
    assert page_one["next_page"] == 2
    page_two = client.get("/api/v1/map?per_page=2&page=2").get_json()
    assert [f["properties"]["code"] for f in page_two["features"]] == [first.code]
    assert page_two["next_page"] is None


@BOTH_ROADS
def test_a_box_pages_newest_answer_first_with_the_other_filters(client, db, petition_factory, make_user,
                                                                 monkeypatch, sparse_box):
    monkeypatch.setattr("portal.domain.public_map.SPARSE_BOX", sparse_box)
    inside = [published(db, petition_factory, make_user, lat=16.05 + i / 1000, lng=108.22) for i in range(4)]
    published(db, petition_factory, make_user, lat=16.5, lng=108.22)  # north of the box
    published(db, petition_factory, make_user, lat=16.06, lng=108.22, category="giao-duc")
    for age, petition in enumerate(reversed(inside)):
        petition.published_at = utcnow() - timedelta(hours=age)
    db.session.commit()
    box = "/api/v1/map?bbox=108.2,16.0,108.3,16.1&category=giao-thong&per_page=3"
    page_one, page_two = client.get(box).get_json(), client.get(box + "&page=2").get_json()
    assert [f["properties"]["code"] for f in page_one["features"] + page_two["features"]] == \
        [p.code for p in reversed(inside)]
    assert (page_one["next_page"], page_two["next_page"]) == (2, None)


@pytest.mark.parametrize("bbox", ["108,16,109", "a,b,c,d", "108,16,109,17,1", "nan,16,109,17", "200,16,201,17",
                                  "109,16,108,17", "108,17,109,16", "108,-91,109,17"])
def test_a_bad_bbox_is_a_422_that_says_what_is_expected_in_the_users_language(client, bbox):
    vietnamese = validate(client.get(f"/api/v1/map?bbox={bbox}", headers={"Accept-Language": "vi"}), "/map", "get",
                          422)
    assert vietnamese["error"]["code"] == "validation_failed"
    assert "“bbox”" in vietnamese["error"]["message"] and "kinh độ" in vietnamese["error"]["message"]
    english = client.get(f"/api/v1/map?bbox={bbox}", headers={"Accept-Language": "en"})
    assert english.status_code == 422 and "longitude" in english.get_json()["error"]["message"]


@pytest.mark.parametrize("query, named", [("category=khong-co", "khong-co"), ("agency=KHONG-CO", "KHONG-CO"),
                                          ("status=received", "status"), ("from=2026-13-01", "from"),
                                          ("to=hôm-nay", "to"), ("from=2026-05-02&to=2026-05-01", "from"),
                                          ("page=0", "page"), ("per_page=501", "per_page"),
                                          ("page=99999999999999999999", "page")])
def test_any_other_unreadable_filter_is_a_422_naming_it(client, query, named):
    body = validate(client.get(f"/api/v1/map?{query}", headers={"Accept-Language": "en"}), "/map", "get", 422)
    assert body["error"]["code"] == "validation_failed" and named in body["error"]["message"]


def test_the_map_answers_invalid_input_as_the_rest_of_the_api_does(client):
    """The same unreadable date on /api/v1/metrics and /api/v1/map: the same status, code and shape."""
    metrics = client.get("/api/v1/metrics?from=2026-13-01&to=2026-12-31")
    mapped = client.get("/api/v1/map?from=2026-13-01")
    assert mapped.status_code == metrics.status_code == 422
    assert mapped.get_json()["error"].keys() == metrics.get_json()["error"].keys() == {"code", "message"}
    assert mapped.get_json()["error"]["code"] == metrics.get_json()["error"]["code"]


def test_the_content_security_policy_allows_images_from_the_configured_tile_host_only(client, app):
    policy = client.get("/ban-do").headers["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in policy
    assert "img-src 'self' data: https://*.tiles.example.vn;" in content_security_policy(
        "https://{s}.tiles.example.vn/{z}/{x}/{y}.png")
    assert "img-src 'self' data:;" in content_security_policy("/tiles/{z}/{x}/{y}.png")
    assert "img-src 'self' data:;" in content_security_policy("https://evil.example; script-src *")


def test_the_page_lists_the_mapped_petitions_under_a_filter_form_and_hands_the_same_filters_to_the_map(
        client, db, petition_factory, make_user):
    road = published(db, petition_factory, make_user, category="giao-thong", title="Ổ gà trên đường Trần Phú")
    published(db, petition_factory, make_user, category="giao-duc", title="Trường học thiếu bàn ghế")
    response = client.get("/ban-do?category=giao-thong&status=published")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for name in ("category", "status", "agency", "from_date", "to_date"):
        assert f'name="{name}"' in html
    assert f'href="/p/{road.code}"' in html and "Ổ gà trên đường Trần Phú" in html
    assert "Trường học thiếu bàn ghế" not in html
    assert 'data-query="category=giao-thong&amp;status=published"' in html
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "<script>" not in html  # everything the map does is in static/js/map.js (CSP: no inline script)


def test_the_page_filters_by_agency_and_days_of_publication_too(client, db, petition_factory, make_user):
    road = published(db, petition_factory, make_user, category="giao-thong", title="Ổ gà trên đường Trần Phú")
    school = published(db, petition_factory, make_user, category="giao-duc", title="Trường học thiếu bàn ghế")
    school.published_at = utcnow() - timedelta(days=40)
    db.session.commit()
    today = (utcnow() + timedelta(hours=7)).date()
    by_agency = client.get(f"/ban-do?agency={school.agency.code}").get_data(as_text=True)
    assert f"/p/{school.code}" in by_agency and f"/p/{road.code}" not in by_agency
    recent = client.get(f"/ban-do?from_date={today - timedelta(days=7)}&to_date={today}").get_data(as_text=True)
    assert f"/p/{road.code}" in recent and f"/p/{school.code}" not in recent
    assert f'data-query="from={today - timedelta(days=7)}&amp;to={today}"' in recent


def test_the_list_pages_through_the_petitions_keeping_the_filters(client, db, petition_factory, make_user,
                                                                  monkeypatch):
    monkeypatch.setattr("portal.web.public.map.LIST_SIZE", 1)
    older, newer = published(db, petition_factory, make_user), published(db, petition_factory, make_user)
    older.published_at = utcnow() - timedelta(days=1)
    db.session.commit()
    first = client.get("/ban-do?status=published").get_data(as_text=True)
    assert f"/p/{newer.code}" in first and f"/p/{older.code}" not in first
    assert "/ban-do?status=published&amp;page=2#map-list" in first
    second = client.get("/ban-do?status=published&page=2").get_data(as_text=True)
    assert f"/p/{older.code}" in second and "page=1#map-list" in second


@pytest.mark.parametrize("query", ["from_date=2026-13-01", "to_date=01/05/2026", "category=khong-co",
                                   "from_date=2026-05-02&to_date=2026-05-01", "page=0"])
def test_a_filter_the_page_cannot_read_is_a_400_that_keeps_the_form(client, query):
    response = client.get(f"/ban-do?{query}")
    assert response.status_code == 400
    assert 'name="category"' in response.get_data(as_text=True)


def test_a_date_the_page_cannot_read_is_explained_in_vietnamese(client):
    html = client.get("/ban-do?from_date=2026-13-01").get_data(as_text=True)
    assert "Ngày cần có dạng năm-tháng-ngày" in html


def test_the_public_menu_leads_to_the_map(client):
    assert 'href="/ban-do"' in client.get("/").get_data(as_text=True)
