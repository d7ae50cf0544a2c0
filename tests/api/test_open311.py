"""Open311 GeoReport v2, read with a real Open311 client from PyPI (georeport) over HTTP."""
import requests
import xmltodict
from georeport import GeoReport

from tests.conftest import VALID_CONTENT


def client_for(live_server, fmt="json"):
    return GeoReport(live_server + "/open311/v2", output_format=fmt)


def test_discovery_names_the_endpoint(live_server):
    discovery = requests.get(live_server + "/open311/discovery.json", timeout=10).json()
    endpoint = discovery["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2")


def test_services_are_the_taxonomy_categories(live_server):
    for fmt in ("json", "xml"):
        services = client_for(live_server, fmt).get_service_list()
        codes = {s["service_code"] for s in services}
        assert {"giao-thong", "dat-dai", "khac"} <= codes and len(codes) == 13
    definition = client_for(live_server).get_service_definition("giao-thong")
    assert definition["service_code"] == "giao-thong"


def test_post_then_read_back_with_the_client(live_server, api_key, db, make_user):
    key = api_key("integration")
    response = requests.post(live_server + "/open311/v2/requests.json", data={
        "api_key": key, "service_code": "giao-thong", "description": VALID_CONTENT,
        "lat": "16.054321", "long": "108.202345", "address_string": "Nguyễn Văn Linh", "email": "dan@example.com"},
        timeout=10)
    assert response.status_code == 201
    created = response.json()[0]
    assert set(created) >= {"service_request_id", "service_notice", "secret"}
    code = created["service_request_id"]
    # Not published yet: nobody but the sender learns anything of it, and the sender only its status.
    assert requests.get(live_server + f"/open311/v2/requests/{code}.json", timeout=10).status_code == 404
    assert client_for(live_server).get_service_requests(service_code="giao-thong") == []
    own = requests.get(live_server + f"/open311/v2/requests/{code}.json", timeout=10,
                       headers={"X-Tracking-Secret": created["secret"]}).json()[0]
    assert own == {"service_request_id": code, "status": "open", "status_notes": "assigned"}
    publish(db, make_user, code)
    found = client_for(live_server).get_service_request(code)
    found = found[0] if isinstance(found, list) else found
    assert found["service_code"] == "giao-thong" and found["status"] == "closed"
    assert found["status_notes"] == "published" and found["agency_responsible"] == "Sở Xây dựng"
    assert found["expected_datetime"]
    assert found["lat"] == 16.054 and found["long"] == 108.202
    xml = client_for(live_server, "xml").get_service_request(code)
    assert xml["service_request_id"] == code and xml["lat"] == "16.054"
    listed = client_for(live_server).get_service_requests(service_code="giao-thong", status="closed")
    assert code in [r["service_request_id"] for r in listed]
    assert client_for(live_server).get_service_requests(status="open") == []


def publish(db, make_user, code):
    from portal.domain import workflow
    from portal.models import Petition

    petition = db.session.query(Petition).filter_by(code=code).one()
    workflow.submit_answer(db.session, petition, make_user("agency_officer", petition.agency.code),
                           "<p>Đã vá ổ gà trên đường Nguyễn Văn Linh.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", petition.agency.code))
    db.session.commit()
    return petition


def test_post_xml_answer_and_errors(live_server, api_key):
    key = api_key("integration")
    created = requests.post(live_server + "/open311/v2/requests.xml", data={
        "api_key": key, "service_code": "moi-truong", "description": VALID_CONTENT}, timeout=10)
    assert created.status_code == 201 and created.headers["Content-Type"].startswith("text/xml")
    parsed = xmltodict.parse(created.content)["service_requests"]["request"]
    assert parsed["service_request_id"].startswith("PA-")
    no_key = requests.post(live_server + "/open311/v2/requests.json",
                           data={"service_code": "moi-truong", "description": VALID_CONTENT}, timeout=10)
    assert no_key.status_code == 401 and no_key.json()[0]["code"] == 401
    bad_service = requests.post(live_server + "/open311/v2/requests.json",
                                data={"api_key": key, "service_code": "khong-co", "description": VALID_CONTENT},
                                timeout=10)
    assert bad_service.status_code == 422 and bad_service.json()[0]["description"]
    bad_date = requests.get(live_server + "/open311/v2/requests.json?start_date=hôm-qua", timeout=10)
    assert bad_date.status_code == 400
    unknown = requests.get(live_server + "/open311/v2/requests/PA-2026-999999.json", timeout=10)
    assert unknown.status_code == 404 and unknown.json()[0]["code"] == 404


PRIVATE_TEXT = "Tôi là Trần Thị Mai, số 12 kiệt 34 Hải Phòng, gọi 0905 123 456. " + VALID_CONTENT


def test_only_published_petitions_whose_sender_consented_are_listed_or_shown(client, db, petition_factory,
                                                                            make_user):
    unpublished = petition_factory(content=PRIVATE_TEXT)
    refused = publish(db, make_user, petition_factory(content=PRIVATE_TEXT, consent_public=False).code)
    public = publish(db, make_user, petition_factory(content=PRIVATE_TEXT).code)
    for fmt in ("json", "xml"):
        listed = client.get(f"/open311/v2/requests.{fmt}").get_data(as_text=True)
        assert public.code in listed and unpublished.code not in listed and refused.code not in listed
        by_id = client.get(f"/open311/v2/requests.{fmt}?service_request_id={unpublished.code},{refused.code},"
                           f"{public.code}").get_data(as_text=True)
        assert public.code in by_id and unpublished.code not in by_id and refused.code not in by_id
        for hidden in (unpublished, refused):
            shown = client.get(f"/open311/v2/requests/{hidden.code}.{fmt}")
            assert shown.status_code == 404 and "Mai" not in shown.get_data(as_text=True)
    assert "Trần Thị Mai" not in listed and "0905 123 456" not in listed


def test_public_request_reads_the_stored_public_version_with_coordinates_to_100_m(client, db, petition_factory,
                                                                                 make_user):
    petition = publish(db, make_user, petition_factory(content=PRIVATE_TEXT, lat=16.0543219, lng=108.2029876).code)
    petition.public_title, petition.public_content = ("Ổ gà trên đường Nguyễn Văn Linh",
                                                      "Ổ gà trên đường Nguyễn Văn Linh (bản công khai đã duyệt).")
    db.session.commit()
    shown = client.get(f"/open311/v2/requests/{petition.code}.json").get_json()[0]
    listed = client.get("/open311/v2/requests.json").get_json()[0]
    for item in (shown, listed):
        assert item["description"] == "Ổ gà trên đường Nguyễn Văn Linh (bản công khai đã duyệt)."
        assert item["lat"] == 16.054 and item["long"] == 108.203
        assert item["title"] == "Ổ gà trên đường Nguyễn Văn Linh"
        assert item["address"] == ""


def test_a_sender_with_the_secret_learns_code_and_status_only(client, petition_factory):
    petition = petition_factory(content=PRIVATE_TEXT, lat=16.0543219, lng=108.2029876, consent_public=False)
    wrong = client.get(f"/open311/v2/requests/{petition.code}.json", headers={"X-Tracking-Secret": "AAAABBBBCCCC"})
    assert wrong.status_code == 404
    for fmt in ("json", "xml"):
        own = client.get(f"/open311/v2/requests/{petition.code}.{fmt}",
                         headers={"X-Tracking-Secret": petition.plain_secret})
        assert own.status_code == 200
        body = own.get_data(as_text=True)
        assert petition.code in body and "assigned" in body
        for private in ("Mai", "16.05", "108.2", "Sở Xây dựng", "giao-thong"):
            assert private not in body


def test_sequential_codes_tell_a_private_petition_from_a_missing_one_by_nothing(client, petition_factory):
    petition = petition_factory(content=PRIVATE_TEXT)
    existing = client.get(f"/open311/v2/requests/{petition.code}.json")
    missing = client.get(f"/open311/v2/requests/{petition.code[:-1]}9.json")
    assert existing.status_code == missing.status_code == 404
    assert existing.get_data() == missing.get_data()
