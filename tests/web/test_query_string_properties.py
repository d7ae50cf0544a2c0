"""Property: whatever a query string holds (huge or negative pages, dates of year 1 or 9999, stray Unicode in the
filters), every page answers below 500. Hypothesis draws the values; the API is also covered by
tests/api/test_schemathesis.py."""
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import login

PAGES = ["/tim-kiem", "/minh-bach", "/tra-cuu", "/doi-thoai-truc-tiep/", "/co-quan/", "/co-quan/dieu-phoi",
         "/co-quan/tim-kiem", "/quan-tri/nhat-ky", "/quan-tri/tai-khoan", "/ban-dan-van/", "/ban-dan-van/chi-tiet",
         "/ban-dan-van/bao-cao", "/tong-dai/tra-cuu", "/doi-thoai/", "/api/v1/metrics", "/api/v1/agency/petitions",
         "/open311/v2/requests.json", "/ban-do", "/api/v1/map"]
NUMBER_NAMES = ["page", "trang", "per_page", "dialogue", "period"]
DATE_NAMES = ["from", "to", "month", "start_date", "end_date", "from_date", "to_date"]
TEXT_NAMES = ["q", "category", "status", "agency", "channel", "figure", "ward_code", "due", "loai", "tab", "code", "bbox"]

numbers = st.one_of(st.sampled_from(["9223372036854775807", "99999999999999999999", "0", "-1", "1e9", "²", "NaN"]),
                    st.integers(min_value=-(2**70), max_value=2**70).map(str))
dates = st.one_of(st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "9999-12-31T23:59:59-23:59", "2026-13",
                                   "2026-10"]), st.dates().map(lambda d: d.isoformat()))
anything = st.one_of(numbers, dates, st.text(max_size=40))
# Each name present or not; numbers and dates mostly where a number or a date is expected.
query_strings = st.fixed_dictionaries({}, optional={
    **{name: st.one_of(numbers, anything) for name in NUMBER_NAMES},
    **{name: st.one_of(dates, anything) for name in DATE_NAMES},
    **{name: anything for name in TEXT_NAMES},
})


@pytest.fixture
def admin_client(client, make_user):
    """Signed in as an administrator, who passes every role gate, so staff pages are reached too."""
    login(client, make_user("admin"))
    return client


@pytest.mark.parametrize("path", PAGES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_no_query_string_makes_a_page_fail(admin_client, path, query):
    response = admin_client.get(path + "?" + urlencode(query))
    assert response.status_code < 500, (path, query, response.get_data(as_text=True)[:500])
