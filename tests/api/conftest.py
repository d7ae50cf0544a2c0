import pytest


@pytest.fixture
def api_key(db):
    """api_key("agency_officer", "SO-XD") -> the raw bearer key of a fresh key."""
    from portal.domain.api_keys import create_key

    counter = iter(range(1000))

    def factory(role: str, agency: str | None = None) -> str:
        _, raw = create_key(db.session, f"{role}-{agency}-{next(counter)}", role, agency)
        db.session.commit()
        return raw

    return factory


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}
