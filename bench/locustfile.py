"""Load for `make bench` (bench/run.sh): citizens and integrations sending petitions, following them, and the
public reading the metrics.

    BENCH_API_KEY=pk_...  BENCH_MIX=mixed|submit  locust -f bench/locustfile.py --headless -u 20 -r 20 -t 20s \
        --host http://127.0.0.1:5000 --csv bench/results/x

BENCH_MIX=mixed (the default): POST /api/v1/petitions (6), GET /api/v1/petitions/<code> with the tracking
secret of a petition sent earlier in the run (3), GET /api/v1/metrics for the current month (1).
BENCH_MIX=submit: only the POST, which is all the floor app (bench/floor_app.py) serves.
Every POST carries a fresh Idempotency-Key; only a 201 counts as a success.
"""
import os
import random
import sys
import uuid
from pathlib import Path

from locust import FastHttpUser, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from petition_bodies import petition_bodies  # noqa: E402

from portal.domain.calendar import local_today  # noqa: E402  (petition_bodies put the project on the path)

API_KEY = os.environ.get("BENCH_API_KEY", "")
MIX = os.environ.get("BENCH_MIX", "mixed")
BODIES = petition_bodies(3000, random.Random(int(os.environ.get("BENCH_SEED", "2026"))))
RECEIPTS: list[tuple[str, str]] = []  # (code, secret) of petitions this locust process sent
TODAY = local_today()  # Vietnam's date: the server's clock may run in UTC
PERIOD = {"from": TODAY.replace(day=1).isoformat(), "to": TODAY.isoformat()}


class Citizen(FastHttpUser):
    def on_start(self):
        self.rng = random.Random()
        self.auth = {"Authorization": f"Bearer {API_KEY}"} if API_KEY else {}

    @task(6)
    def submit(self):
        body = self.rng.choice(BODIES)
        headers = {**self.auth, "Idempotency-Key": uuid.uuid4().hex}
        with self.client.post("/api/v1/petitions", json=body, headers=headers, name="POST /api/v1/petitions",
                              catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
                return
            receipt = response.json()
            if "secret" in receipt and len(RECEIPTS) < 5000:
                RECEIPTS.append((receipt["code"], receipt["secret"]))

    @task(3)
    def track(self):
        if MIX != "mixed":
            return self.submit()
        if not RECEIPTS:
            return self.submit()
        code, secret = self.rng.choice(RECEIPTS)
        with self.client.get(f"/api/v1/petitions/{code}", headers={"X-Tracking-Secret": secret},
                             name="GET /api/v1/petitions/<code>", catch_response=True) as response:
            if response.status_code != 200 or response.json().get("code") != code:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")

    @task(1)
    def metrics(self):
        if MIX != "mixed":
            return self.submit()
        with self.client.get("/api/v1/metrics", params=PERIOD, name="GET /api/v1/metrics",
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
