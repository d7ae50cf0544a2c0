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


def test_post_then_read_back_with_the_client(live_server, api_key):
    key = api_key("integration")
    response = requests.post(live_server + "/open311/v2/requests.json", data={
        "api_key": key, "service_code": "giao-thong", "description": VALID_CONTENT,
        "lat": "16.05", "long": "108.2", "address_string": "Nguyễn Văn Linh", "email": "dan@example.com"}, timeout=10)
    assert response.status_code == 201
    created = response.json()[0]
    assert set(created) >= {"service_request_id", "service_notice"}
    code = created["service_request_id"]
    found = client_for(live_server).get_service_request(code)
    found = found[0] if isinstance(found, list) else found
    assert found["service_code"] == "giao-thong" and found["status"] == "open"
    assert found["agency_responsible"] == "Sở Xây dựng" and found["expected_datetime"]
    assert found["description"] == ""  # not published yet: nothing of the citizen's text is public
    xml = client_for(live_server, "xml").get_service_request(code)
    assert xml["service_request_id"] == code
    listed = client_for(live_server).get_service_requests(service_code="giao-thong", status="open")
    assert code in [r["service_request_id"] for r in listed]
    assert client_for(live_server).get_service_requests(status="closed") == []


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
