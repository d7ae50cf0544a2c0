"""Load for `make soak` (bench/soak.py): a day's mix of the portal's audiences, each request named by its page.

    SOAK_FIXTURES=fixtures.json SOAK_USER_RATE=2.5 locust -f bench/soak_locustfile.py --headless -u 60 -r 10 \
        -t 10m --host http://127.0.0.1:5000 --csv bench/results/soak-x/soak

Users by weight (locust spreads -u over these classes by weight):
  CitizenReader (60)  the home page, published petitions /p/<code>, the tracking page (its form, code + secret of a
                      petition sent in this run), the public map's GeoJSON, the transparency page, GET /api/v1/metrics
  CitizenSender (15)  POST /api/v1/petitions with an Idempotency-Key: the API, not the HTML form, whose proof of work
                      a load client would have to solve for every petition (the form's own tests cover that road)
  Officer (5)         signed in as an agency officer: the inbox, an item, an answer sent for approval
  Head (2)            signed in as that agency's head: the inbox's answered items, an item, its approval
  Committee (3)       signed in as the committee: the dashboard, the map's points and its petitions per ward

Every user sends one request per task, SOAK_USER_RATE tasks a second at most (constant_throughput), so the offered
load is about users × SOAK_USER_RATE requests a second; staff users walk inbox → item → action one request per task.
SOAK_FIXTURES is the JSON bench/soak.py writes: the demo staff accounts and their passwords, published codes.
A 4xx or 5xx is an error, except a staff action's 409: another user of the same agency took that step on that item
a moment before (a stale page is answered the same way, or with a redirect to the item), as a person would see too.
"""
import json
import os
import random
import re
import sys
import uuid
from pathlib import Path

from locust import FastHttpUser, constant_throughput, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from petition_bodies import petition_bodies  # noqa: E402

from portal.domain.calendar import local_today  # noqa: E402  (petition_bodies put the project on the path)

FIXTURES = json.loads(Path(os.environ["SOAK_FIXTURES"]).read_text()) if os.environ.get("SOAK_FIXTURES") else {}
USER_RATE = float(os.environ.get("SOAK_USER_RATE", "1"))
# Citizens' own sends: the hotline's bodies need an operator's key, which a citizen does not have.
BODIES = [body for body in petition_bodies(2000, random.Random(2026)) if body.get("channel") != "hotline"]
RECEIPTS: list[tuple[str, str]] = []  # (code, secret) of petitions sent in this run, for the tracking page
TODAY = local_today()  # Vietnam's date: the server's clock may run in UTC
PERIOD = {"from": TODAY.replace(day=1).isoformat(), "to": TODAY.isoformat()}
CSRF = re.compile(r'name="(?:[a-z_]+-)?csrf_token" type="hidden" value="([^"]+)"|'
                  r'name="(?:[a-z_]+-)?csrf_token" value="([^"]+)"')
ITEM_LINK = re.compile(r'href="/co-quan/phan-anh/([A-Z0-9-]+)"')


def csrf_token(html: str) -> str | None:
    found = CSRF.search(html or "")
    return (found.group(1) or found.group(2)) if found else None


def field_value(html: str, name: str) -> str | None:
    found = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), html or "")
    return found.group(1) if found else None


def expect(response, *statuses):
    if response.status_code not in statuses:
        response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
        return False
    return True


class SoakUser(FastHttpUser):
    abstract = True
    wait_time = constant_throughput(USER_RATE)

    def on_start(self):
        self.rng = random.Random()


class CitizenReader(SoakUser):
    weight = 60

    @task(10)
    def home(self):
        with self.client.get("/", name="GET /", catch_response=True) as response:
            expect(response, 200)

    @task(10)
    def published(self):
        codes = FIXTURES.get("published") or []
        if not codes:
            return self.home()
        with self.client.get(f"/p/{self.rng.choice(codes)}", name="GET /p/<code>", catch_response=True) as response:
            expect(response, 200)

    @task(6)
    def track(self):
        """The tracking form: its page once per user (the CSRF token of this user's session), then code + secret."""
        if not RECEIPTS:
            return self.home()
        if not getattr(self, "track_token", None):
            with self.client.get("/tra-cuu", name="GET /tra-cuu", catch_response=True) as response:
                if expect(response, 200):
                    self.track_token = csrf_token(response.text)
            return
        code, secret = self.rng.choice(RECEIPTS)
        with self.client.post("/tra-cuu", data={"csrf_token": self.track_token, "code": code, "secret": secret},
                              name="POST /tra-cuu (code + secret)", catch_response=True) as response:
            if expect(response, 200) and code not in response.text:
                response.failure("the tracking page does not show the petition")

    @task(5)
    def public_map(self):
        with self.client.get("/api/v1/map", name="GET /api/v1/map", catch_response=True) as response:
            expect(response, 200)

    @task(3)
    def transparency(self):
        with self.client.get("/minh-bach", name="GET /minh-bach", catch_response=True) as response:
            expect(response, 200)

    @task(2)
    def metrics(self):
        with self.client.get("/api/v1/metrics", params=PERIOD, name="GET /api/v1/metrics",
                             catch_response=True) as response:
            expect(response, 200)


class CitizenSender(SoakUser):
    weight = 15

    @task
    def submit(self):
        headers = {"Idempotency-Key": uuid.uuid4().hex}
        with self.client.post("/api/v1/petitions", json=self.rng.choice(BODIES), headers=headers,
                              name="POST /api/v1/petitions", catch_response=True) as response:
            if expect(response, 201):
                receipt = response.json()
                if len(RECEIPTS) < 5000:
                    RECEIPTS.append((receipt["code"], receipt["secret"]))


class StaffUser(SoakUser):
    """Signs in once at start with one of the demo accounts of its role (bench/soak.py's fixtures)."""

    abstract = True
    role = ""

    def on_start(self):
        super().on_start()
        self.email, password = self.rng.choice(FIXTURES["accounts"][self.role])
        self.step, self.code, self.page = "inbox", None, ""
        with self.client.get("/dang-nhap/", name="GET /dang-nhap/", catch_response=True) as response:
            expect(response, 200)
            token = csrf_token(response.text)
        with self.client.post("/dang-nhap/", data={"csrf_token": token, "email": self.email, "password": password},
                              name="POST /dang-nhap/", catch_response=True) as response:
            if expect(response, 200) and "/dang-nhap/thoat" not in response.text:
                response.failure(f"{self.email} is not signed in")

    def open_inbox(self, status: str):
        with self.client.get("/co-quan/", params={"status": status}, name=f"GET /co-quan/?status={status}",
                             catch_response=True) as response:
            if expect(response, 200):
                codes = ITEM_LINK.findall(response.text)
                if codes:
                    self.code, self.step = self.rng.choice(codes), "item"

    def open_item(self):
        with self.client.get(f"/co-quan/phan-anh/{self.code}", name="GET /co-quan/phan-anh/<code>",
                             catch_response=True) as response:
            self.step = "inbox"
            if expect(response, 200):
                self.page, self.step = response.text, "act"

    def act(self, path: str, prefix: str, fields: dict, name: str):
        version, token = field_value(self.page, f"{prefix}-version"), csrf_token(self.page)
        self.step = "inbox"
        if version is None:  # another user acted first: this action is no longer offered on the item
            return self.open_inbox(self.inbox_status)
        data = {"csrf_token": token, f"{prefix}-csrf_token": token, f"{prefix}-version": version, **fields}
        with self.client.post(f"/co-quan/phan-anh/{self.code}/{path}", data=data, name=name,
                              catch_response=True) as response:
            # 409: another user of the same agency took this step on this item a moment before (domain Conflict),
            # which is the answer a person would get too; the soak's staff share a few demo accounts per agency.
            expect(response, 200, 409)


class Officer(StaffUser):
    weight = 5
    role = "agency_officer"

    @task
    def work(self):
        if self.step == "inbox":
            self.inbox_status = self.rng.choice(("assigned", "in_progress"))
            self.open_inbox(self.inbox_status)
        elif self.step == "item":
            self.open_item()
        else:
            answer = ("Kính gửi ông/bà, cơ quan đã kiểm tra hiện trường và giao đơn vị quản lý xử lý trong tuần này. "
                      "Kết quả sẽ được cập nhật trên cổng khi hoàn thành. Trân trọng cảm ơn ông/bà đã phản ánh.")
            self.act("tra-loi", "answer", {"answer-content": answer}, "POST /co-quan/phan-anh/<code>/tra-loi")


class Head(StaffUser):
    weight = 2
    role = "agency_head"
    inbox_status = "answered"

    @task
    def work(self):
        if self.step == "inbox":
            self.open_inbox("answered")
        elif self.step == "item":
            self.open_item()
        else:
            self.act("duyet", "approve", {}, "POST /co-quan/phan-anh/<code>/duyet")


class Committee(StaffUser):
    weight = 3
    role = "committee"

    @task(3)
    def dashboard(self):
        with self.client.get("/ban-dan-van/", name="GET /ban-dan-van/", catch_response=True) as response:
            expect(response, 200)

    @task(2)
    def map_points(self):
        with self.client.get("/ban-dan-van/ban-do/diem", name="GET /ban-dan-van/ban-do/diem",
                             catch_response=True) as response:
            expect(response, 200)

    @task(1)
    def map_wards(self):
        with self.client.get("/ban-dan-van/ban-do/phuong-xa", name="GET /ban-dan-van/ban-do/phuong-xa",
                             catch_response=True) as response:
            expect(response, 200)
