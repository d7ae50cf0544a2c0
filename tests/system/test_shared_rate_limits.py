"""Rate limits hold across every worker and server of one database with the default store (database://): no
memcached, no extra service. Real gunicorn processes, as `make run` starts them."""
import re

import pytest
import requests

from tests.system.test_crash_and_two_servers import Server, database  # noqa: F401  (the fixture)

pytestmark = pytest.mark.system


def test_ten_sign_ins_a_minute_means_ten_across_two_servers_and_their_workers(database, tmp_path):  # noqa: F811
    limited = {"FLASK_RATELIMIT_ENABLED": "true"}  # and RATELIMIT_STORAGE_URI left at its default
    a = Server(database, tmp_path / "a.log", workers=2, **limited)
    b = Server(database, tmp_path / "b.log", workers=1, **limited)
    try:
        a.wait_ready(), b.wait_ready()
        browser = requests.Session()
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', browser.get(a.base + "/dang-nhap/").text).group(1)
        statuses = []
        for attempt in range(12):  # a different unknown account each time: only the route's limit can stop them
            server = (a, b)[attempt % 2]
            statuses.append(browser.post(server.base + "/dang-nhap/", allow_redirects=False, timeout=30, data={
                "csrf_token": token, "email": f"khong-co-{attempt}@so-xd.gov.vn", "password": "sai"}).status_code)
        assert statuses == [401] * 10 + [429] * 2, statuses
    finally:
        a.stop()
        b.stop()
