"""gunicorn as production runs it (gunicorn.conf.py): the models are loaded once, in the master, and the request
workers share them; the intake worker is started only when asked for (PORTAL_INTAKE_WORKER=1, `make run`)."""
from pathlib import Path

import pytest
import requests

from tests.system.test_crash_and_two_servers import Server, database  # noqa: F401  (the fixture)

pytestmark = pytest.mark.system


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, USS) of a process: USS is the memory only this process holds (Private_Clean + Private_Dirty)."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    kb = {name: int(value.split()[0]) for name, value in fields.items()}
    return kb["Rss"], kb["Private_Clean"] + kb["Private_Dirty"]


def test_request_workers_share_the_models_loaded_before_they_fork(database, tmp_path):  # noqa: F811
    # The production web service: models warmed up at start, the intake worker a service of its own.
    server = Server(database, tmp_path / "gunicorn.log", workers=2, FLASK_CLASSIFIER_WARM_UP="true",
                    PORTAL_INTAKE_WORKER="0").wait_ready()
    try:
        for n in range(8):  # spread over both workers: each classifies
            text = f"Đèn đường ở tổ {n} tắt hơn hai tuần nay, buổi tối rất tối."
            response = requests.post(server.base + "/api/v1/classify", json={"text": text}, timeout=60)
            assert response.status_code == 200
        assert server.intake_worker() is None
        workers = server.workers()
        assert len(workers) == 2
        master_rss, _ = memory_kb(server.process.pid)
        for pid in workers:
            rss, uss = memory_kb(pid)
            # Each worker maps the models (RSS about the master's), yet holds little of its own: without the
            # preload each held over 200 MB of its own, 80% of its RSS.
            assert rss > master_rss / 2 and uss < rss / 3, (pid, rss, uss)
    finally:
        server.stop()
