"""PostgreSQL restarting under load: the production server (gunicorn, with its intake worker) on a cluster of the
test's own, which the test stops and starts again while four clients keep sending petitions, each retrying with
its Idempotency-Key. During the outage requests get 503 with Retry-After, never 500; afterwards every petition is
accepted once, and the intake worker, which waited the outage out, routes them all."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from glob import glob
from pathlib import Path

import pytest

from tests.conftest import BACKEND
from tests.system.test_crash_and_two_servers import ROOT, Server, body_for, query, seed, wait_until_routed

pytestmark = [pytest.mark.system,
              pytest.mark.skipif(BACKEND != "postgresql", reason="restarts a PostgreSQL cluster of its own")]
CLUSTER = ROOT / "scripts" / "pg_cluster.sh"


class Cluster:
    """scripts/pg_cluster.sh's throwaway cluster, which can also be stopped and started again on its port."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pg-restart-", dir="/tmp"))
        self.dir.chmod(0o755)
        self.url = subprocess.run([CLUSTER, "start", str(self.dir)], check=True, capture_output=True,
                                  text=True).stdout.strip()
        self.port = re.search(r":(\d+)/", self.url).group(1)
        self.pg_ctl = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]

    def _pg_ctl(self, *args):
        command = [self.pg_ctl, "-D", str(self.dir / "data"), *args]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def stop(self):
        self._pg_ctl("-m", "fast", "stop")

    def start(self):
        self._pg_ctl("-l", str(self.dir / "log"), "-w", "-o",
                     f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                     "-c max_connections=200", "start")

    def remove(self):
        subprocess.run([CLUSTER, "stop", str(self.dir)], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster():
    made = Cluster()
    try:
        yield made
    finally:
        made.remove()


def send_until_accepted(base: str, key: str, body: dict, seen: list) -> None:
    """One citizen's petition, sent again with the same key after each 503, as Retry-After asks."""
    import requests

    while True:
        try:
            response = requests.post(base + "/api/v1/petitions", json=body, headers={"Idempotency-Key": key},
                                     timeout=30)
            seen.append((response.status_code, response.headers.get("Retry-After")))
        except requests.RequestException:
            seen.append((0, None))
            time.sleep(0.5)
            continue
        if response.status_code == 201:
            return
        if response.status_code != 503:
            return
        time.sleep(float(response.headers["Retry-After"]))


def test_requests_get_503_during_a_database_restart_and_everything_is_accepted_and_routed_after(cluster, tmp_path):
    seed(cluster.url, migrate=True)
    server = Server(cluster.url, tmp_path / "gunicorn.log", FLASK_DATABASE_RETRY_AFTER_SECONDS="1").wait_ready()
    intake_worker = server.intake_worker()
    seen, keys, stopping = [], [], threading.Event()

    def citizen(thread: int):
        n = 0
        while not stopping.is_set():
            key = f"restart-{thread}-{n}-{uuid.uuid4().hex[:8]}"
            keys.append(key)
            send_until_accepted(server.base, key, body_for(thread * 10_000 + n), seen)
            n += 1

    threads = [threading.Thread(target=citizen, args=(t,)) for t in range(4)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(3)
        cluster.stop()
        time.sleep(4)
        cluster.start()
        time.sleep(4)
        stopping.set()
        for thread in threads:
            thread.join(timeout=120)
        statuses = [status for status, _ in seen]
        log = (tmp_path / "gunicorn.log").read_text()
        assert 500 not in statuses and 0 not in statuses, log[-3000:]
        assert set(statuses) == {201, 503}, set(statuses)
        assert all(retry == "1" for status, retry in seen if status == 503)
        assert "Unhandled error" not in log and "Traceback" not in log, log[-3000:]
        # Every key made exactly one petition; the intake worker survived the restart and routed them all.
        assert query(cluster.url, "SELECT count(*) FROM idempotency_key")[0][0] == len(keys)
        assert query(cluster.url, "SELECT count(*) FROM petition")[0][0] == len(keys)
        assert wait_until_routed(cluster.url, timeout=120) == 0
        assert server.intake_worker() == intake_worker
    finally:
        stopping.set()
        server.stop()
