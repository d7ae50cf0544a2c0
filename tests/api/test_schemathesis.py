"""Property-based fuzzing of the API from its own OpenAPI document: whatever comes in, never a 5xx."""
import schemathesis
from hypothesis import HealthCheck, given, settings


def test_no_server_errors_for_any_generated_request(app, db):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def check(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append((operation.label, case.body, response.status_code, response.text[:300]))

        check()
    assert failures == []
