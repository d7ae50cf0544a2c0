"""/metrics under gunicorn: each request worker is a process of its own, and a scrape answered by any one of them
counts the requests of all (prometheus_client's multiprocess mode, set up by gunicorn.conf.py)."""
import re

import pytest
import requests

from tests.system.test_crash_and_two_servers import Server, database  # noqa: F401

pytestmark = pytest.mark.system


def healthz_count(base: str) -> float:
    """The count of one scrape; a scrape that fails or lacks the series fails here, saying so, not as a count of 0."""
    scrape = requests.get(base + "/metrics", timeout=30)
    assert scrape.status_code == 200, scrape.text[:1000]
    found = re.search(r'portal_http_requests_total\{endpoint="health.healthz",method="GET",status="200"\} (\S+)',
                      scrape.text)
    assert found, scrape.text[:3000]
    return float(found.group(1))


def test_a_scrape_counts_the_requests_of_every_gunicorn_worker(database, tmp_path):
    server = Server(database, tmp_path / "gunicorn.log", workers=3).wait_ready()
    try:
        with requests.Session() as first, requests.Session() as second:
            for _ in range(30):  # two keep-alive connections, so more than one worker answers
                assert first.get(server.base + "/healthz", timeout=10).ok
                assert second.get(server.base + "/healthz", timeout=10).ok
        assert {healthz_count(server.base) for _ in range(6)} == {60.0}
    finally:
        server.stop()
