"""The restore drill: `flask backup` taken while citizens send petitions to the production server, `flask restore`
into a fresh database. The backup taken under load is a consistent snapshot (every petition with its first event
and its idempotency key, none half-stored); one taken at rest restores with every table's row count and checksum
equal to the source's. The times are printed for the README's RTO (pytest -s)."""
import hashlib
import os
import threading
import time
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.conftest import BACKEND, _postgres_test_database
from tests.system.test_crash_and_two_servers import Server, body_for, database, post_petition, query  # noqa: F401
from tests.system.warm import WarmFlask

pytestmark = pytest.mark.system


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database to restore into: a new database on the server, or a new SQLite file."""
    if BACKEND == "postgresql":
        url, drop = _postgres_test_database(os.environ["TEST_DATABASE_URL"])
    else:
        url, drop = f"sqlite:///{tmp_path}/restored.sqlite3", (lambda: None)
    try:
        yield url
    finally:
        drop()


def timed(process: WarmFlask, *args: str) -> float:
    """Run a flask command in a process started beforehand; returns how long the command itself took."""
    started = time.perf_counter()
    done = process.run(*args)
    assert done["code"] == 0, done["output"][-3000:]
    return time.perf_counter() - started


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def table_fingerprints(url: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 of its rows in primary-key order."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        inspector = inspect(engine)
        found = {}
        with engine.connect() as connection:
            for table in inspector.get_table_names():
                key = inspector.get_pk_constraint(table)["constrained_columns"] or \
                    [c["name"] for c in inspector.get_columns(table)]
                order = ", ".join(f'"{column}"' for column in key)
                rows = connection.execute(text(f'SELECT * FROM "{table}" ORDER BY {order}')).all()
                digest = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
                found[table] = (len(rows), digest)
        return found
    finally:
        engine.dispose()


def test_a_backup_under_load_restores_consistent_and_one_at_rest_restores_equal(database, fresh_database, tmp_path):
    # The `flask` processes load the application while the server starts: the drill then times the commands alone.
    source, target = WarmFlask(database), WarmFlask(fresh_database)
    server = Server(database, tmp_path / "gunicorn.log").wait_ready()
    stopping, accepted = threading.Event(), []

    def citizen(thread: int):
        n = 0
        while not stopping.is_set():
            status, _ = post_petition(server.base, body_for(thread * 10_000 + n), f"drill-{thread}-{n}-{uuid.uuid4()}")
            accepted.append(status)
            n += 1

    threads = [threading.Thread(target=citizen, args=(t,)) for t in range(4)]
    under_load = tmp_path / "under-load.backup"
    backup_done = False
    try:
        source.wait_ready()
        for thread in threads:
            thread.start()
        wait_for(lambda: len(accepted) >= 20)
        backup_seconds = timed(source, "backup", str(under_load))
        sent_by_then = len(accepted)
        wait_for(lambda: len(accepted) >= sent_by_then + 8)  # the load goes on after the snapshot
        backup_done = True
    finally:
        stopping.set()
        for thread in threads:
            thread.join()
        server.stop()
        if not backup_done:
            source.kill()
            target.kill()
    assert set(accepted) == {201}

    try:
        restore_seconds = timed(target, "restore", str(under_load), "--yes")
        restored = query(fresh_database, "SELECT count(*), (SELECT count(*) FROM petition_event WHERE to_status = "
                                         "'received'), (SELECT count(*) FROM idempotency_key) FROM petition")[0]
        petitions, received_events, keys = restored
        assert 0 < petitions < len(accepted)  # a snapshot from the middle of the load
        assert petitions == received_events == keys  # none half-stored

        at_rest = tmp_path / "at-rest.backup"
        timed(source, "backup", str(at_rest))
        timed(target, "restore", str(at_rest), "--yes")
    finally:
        source.close()
        target.close()
    assert table_fingerprints(fresh_database) == table_fingerprints(database)
    print(f"\nrestore drill ({BACKEND}): {len(accepted)} petitions sent under load; backup {backup_seconds:.1f} s, "
          f"restore of {petitions} petitions {restore_seconds:.1f} s (the commands alone, without the flask start-up)")
