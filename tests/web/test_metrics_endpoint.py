"""/metrics: Prometheus' text format for the operators' networks only (404 to anyone else), with requests counted
per Flask endpoint (never per raw path) and the queue, outbox and overdue figures read from the database."""
import re
from datetime import timedelta

import pytest

from portal.domain.calendar import local_today
from portal.domain.intake import receive
from portal.domain.petitions import PetitionDraft
from tests.conftest import VALID_CONTENT


@pytest.fixture
def allowed_networks(app):
    saved = app.config["METRICS_ALLOWED_NETWORKS"]
    yield lambda networks: app.config.__setitem__("METRICS_ALLOWED_NETWORKS", networks)
    app.config["METRICS_ALLOWED_NETWORKS"] = saved


def scrape(client, address="127.0.0.1"):
    return client.get("/metrics", environ_base={"REMOTE_ADDR": address})


def sample(text: str, name: str, **labels) -> float:
    """The value of one series in Prometheus' text format; 0 when it is absent."""
    for line in text.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match and all(f'{key}="{value}"' in (match.group(1) or "") for key, value in labels.items()):
            return float(match.group(2))
    return 0.0


def test_metrics_answer_localhost_by_default_and_404_to_other_addresses(client):
    assert scrape(client).status_code == 200
    assert scrape(client).content_type.startswith("text/plain")
    assert scrape(client, "203.0.113.7").status_code == 404


def test_metrics_answer_only_the_configured_networks(client, allowed_networks):
    allowed_networks("10.20.0.0/16, 2001:db8::/32")
    assert scrape(client, "10.20.3.4").status_code == 200
    assert scrape(client, "2001:db8::5").status_code == 200
    assert scrape(client, "10.21.0.1").status_code == 404
    assert scrape(client, "127.0.0.1").status_code == 404


def test_requests_are_counted_per_endpoint_not_per_path(client):
    before = scrape(client).get_data(as_text=True)
    client.get("/tra-cuu")
    client.get("/khong-co-trang-nay-1")
    client.get("/khong-co-trang-nay-2")
    after = scrape(client).get_data(as_text=True)
    name = "portal_http_requests_total"
    assert sample(after, name, endpoint="public.track", method="GET", status="200") == \
        sample(before, name, endpoint="public.track", method="GET", status="200") + 1
    assert sample(after, name, endpoint="unmatched", status="404") == \
        sample(before, name, endpoint="unmatched", status="404") + 2
    assert "khong-co-trang-nay" not in after
    assert sample(after, "portal_http_request_duration_seconds_count", endpoint="public.track") >= 1


def test_metrics_show_the_intake_queue_and_overdue_petitions_per_agency(client, db, petition_factory):
    receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong"))
    db.session.commit()
    late = petition_factory()
    late.due_date = local_today() - timedelta(days=3)
    db.session.commit()
    text = scrape(client).get_data(as_text=True)
    assert sample(text, "portal_intake_queue_depth") == 1
    assert sample(text, "portal_intake_queue_oldest_age_seconds") >= 0
    assert sample(text, "portal_overdue_petitions", agency=late.agency.code) == 1
    assert "portal_outbox_messages" in text
