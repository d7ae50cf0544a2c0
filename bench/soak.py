"""`make soak`: a bounded run of mixed traffic against the production server on PostgreSQL, and whether it held.

    .venv/bin/python bench/soak.py            (SOAK_TIME=10m by default; SOAK_TIME=2m for a quick run)

1. A throwaway PostgreSQL cluster (scripts/pg_cluster.sh), `flask db upgrade`, `flask bootstrap` with the demo data
   (PORTAL_DEMO=1: its staff accounts sign in below), then SOAK_PETITIONS synthetic petitions (bench/synthetic.py,
   default 5000) so the pages read a realistic archive.
2. The floor, as `make bench` measures it: bench/floor_app.py (one INSERT per request) under the same gunicorn
   settings, driven by bench/locustfile.py's POSTs by 20 users for SOAK_FLOOR_TIME (20s). Its requests/s is the
   rate the floor sustains; the mix runs at half of it (SOAK_RATE overrides).
3. The portal under gunicorn exactly as `make run` starts it (WORKERS workers, PORTAL_INTAKE_WORKER=1: the intake
   worker beside it), with rate limits off (FLASK_RATELIMIT_ENABLED=false, as `make bench`): the load comes from one
   address, which the per-address limits would otherwise refuse as one abusive client.
4. bench/soak_locustfile.py for SOAK_TIME at that rate. Every 5 s this script samples the RSS of each gunicorn
   worker and of the intake worker (/proc/PID/smaps_rollup), the intake queue (depth, oldest age) and the outbox.
5. The report: p50/p95, requests and errors per page; RSS per process at boot, after the warm-up (the first tenth
   of the run, at least 30 s: caches and pools fill then) and at the end, and the growth from warm-up to end; the
   largest queue age; the outbox backlog at the end; and the issue's goals passed or not (zero errors, no page p95
   over 300 ms, memory growth under 10 %). A report, not an exit code: `make soak` is not a test.

Raw files (locust CSV, server log, samples.tsv, report.txt) go to bench/results/soak-<time>/.
Knobs: SOAK_TIME (10m), SOAK_PETITIONS (5000), SOAK_FLOOR_TIME (20s), SOAK_RATE (half the floor's requests/s),
SOAK_USER_RATE (2 requests/s per locust user), WORKERS (nproc).
"""
import csv
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.memory import children_of, is_intake_worker, memory_of  # noqa: E402

BIN = ROOT / ".venv" / "bin"
P95_GOAL_MS, GROWTH_GOAL = 300, 0.10
ROLES = ("agency_officer", "agency_head", "committee")
SAMPLE_SECONDS = 5


def seconds_of(value: str) -> int:
    """'10m', '90s', '1h' or a number of seconds."""
    found = re.fullmatch(r"(\d+)([smh]?)", value.strip())
    if not found:
        raise SystemExit(f"not a duration: {value!r} (e.g. 10m, 90s)")
    return int(found.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[found.group(2)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Soak:
    def __init__(self):
        self.duration = seconds_of(os.environ.get("SOAK_TIME", "10m"))
        self.floor_time = os.environ.get("SOAK_FLOOR_TIME", "20s")
        self.petitions = int(os.environ.get("SOAK_PETITIONS", "5000"))
        self.user_rate = float(os.environ.get("SOAK_USER_RATE", "2"))
        self.workers = int(os.environ.get("WORKERS") or os.cpu_count())
        self.out = ROOT / "bench" / "results" / time.strftime("soak-%Y%m%d-%H%M%S", time.gmtime())
        self.out.mkdir(parents=True)
        self.work = Path(tempfile.mkdtemp(prefix="portal-soak-"))
        self.work.chmod(0o755)  # the PostgreSQL cluster inside runs as the postgres user
        self.servers: list[subprocess.Popen] = []
        self.samples: list[dict] = []
        self.stop_sampling = threading.Event()

    # --- set-up -----------------------------------------------------------------------------------------------
    def database(self) -> None:
        server_url = subprocess.run(["scripts/pg_cluster.sh", "start", str(self.work / "pg")], cwd=ROOT, check=True,
                                    capture_output=True, text=True).stdout.strip()
        import psycopg

        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute("CREATE DATABASE portal_soak")
        self.url = server_url.rsplit("/", 1)[0] + "/portal_soak"
        self.env = {**os.environ, "DATABASE_URL": self.url, "SECRET_KEY": f"soak-{os.urandom(8).hex()}",
                    "FLASK_APP": "wsgi.py", "FLASK_RATELIMIT_ENABLED": "false", "PYTHONDONTWRITEBYTECODE": "1"}
        cli = {**self.env, "FLASK_CLASSIFIER_WARM_UP": "false"}  # the CLI does not classify
        log = open(self.out / "setup.log", "w")
        # `flask bootstrap` writes the demo passwords into instance/demo-accounts.txt: keep the developer's copy.
        accounts = ROOT / "instance" / "demo-accounts.txt"
        saved = accounts.read_bytes() if accounts.exists() else None
        subprocess.run([BIN / "flask", "db", "upgrade"], cwd=ROOT, env=cli, check=True, stdout=log, stderr=log)
        demo = subprocess.run([BIN / "flask", "bootstrap"], cwd=ROOT, env={**cli, "PORTAL_DEMO": "1"},
                              capture_output=True, text=True)
        if saved is not None:
            accounts.write_bytes(saved)
        else:
            accounts.unlink(missing_ok=True)
        log.write(demo.stdout + demo.stderr)
        log.flush()
        if demo.returncode:
            raise SystemExit(f"flask bootstrap failed:\n{demo.stderr[-3000:]}")
        started = time.monotonic()
        subprocess.run([BIN / "python", "-m", "bench.seed_synthetic", "--count", str(self.petitions), "--seed", "1"],
                       cwd=ROOT, env=cli, check=True, stdout=log, stderr=log)
        print(f"    {self.petitions} synthetic petitions loaded in {time.monotonic() - started:.0f} s")
        self.write_fixtures(demo.stdout)

    def write_fixtures(self, bootstrap_output: str) -> None:
        """The staff accounts (as `flask bootstrap` printed them) and published codes, for the locust users."""
        accounts = {role: [] for role in ROLES}
        for line in bootstrap_output.splitlines():
            fields = line.split()
            if len(fields) == 3 and fields[1] in accounts:
                accounts[fields[1]].append(fields[::2])
        rows = self.query("SELECT code FROM petition WHERE status IN ('published', 'closed') AND consent_public "
                          "AND published_at IS NOT NULL ORDER BY random() LIMIT 1000")
        self.fixtures = self.work / "fixtures.json"
        self.fixtures.write_text(json.dumps({"accounts": accounts, "published": [code for (code,) in rows]}))
        print(f"    fixtures: {len(rows)} published codes, "
              + ", ".join(f"{len(v)} {k} accounts" for k, v in accounts.items()))

    def query(self, sql: str) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()

    # --- servers ----------------------------------------------------------------------------------------------
    def start_server(self, name: str, module: str, env: dict, *extra: str) -> tuple[subprocess.Popen, str]:
        port = free_port()
        with open(self.out / f"{name}-gunicorn.log", "wb") as log:
            server = subprocess.Popen([BIN / "gunicorn", "--workers", str(self.workers), "--bind", f"127.0.0.1:{port}",
                                       "--access-logfile", "-", *extra, module], cwd=ROOT, env=env, stdout=log,
                                      stderr=subprocess.STDOUT)
        self.servers.append(server)
        return server, f"http://127.0.0.1:{port}"

    def wait_ready(self, server: subprocess.Popen, url: str) -> None:
        """Until every worker answers (a few requests each), as bench/run.sh waits."""
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and server.poll() is None:
            try:
                requests.get(url, timeout=5)
                for _ in range(self.workers * 4):
                    requests.get(url, timeout=60)
                return
            except requests.RequestException:
                time.sleep(0.5)
        raise SystemExit(f"the server at {url} did not start; see {self.out}")

    def stop(self, server: subprocess.Popen) -> None:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        self.servers.remove(server)

    def locust(self, locustfile: str, url: str, users: int, run_time: str, prefix: str, env: dict) -> dict:
        command = [BIN / "locust", "-f", locustfile, "--headless", "-u", str(users), "-r", str(max(1, users // 5)),
                   "-t", run_time, "--host", url, "--csv", str(self.out / prefix), "--only-summary",
                   "--loglevel", "WARNING"]
        with open(self.out / f"{prefix}-locust.log", "wb") as log:
            subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # exit 1 on an error
        with open(self.out / f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
            return {row["Name"]: row for row in csv.DictReader(handle)}

    # --- the floor --------------------------------------------------------------------------------------------
    def floor_rate(self) -> float:
        env = {**self.env, "FLOOR_DATABASE_URL": self.url, "BENCH_MIX": "submit"}
        subprocess.run([BIN / "python", "bench/floor_app.py", "init"], cwd=ROOT, env=env, check=True)
        server, url = self.start_server("floor", "floor_app:app", env, "--pythonpath", "bench")
        try:
            self.wait_ready(server, url + "/api/v1/petitions")
            stats = self.locust("bench/locustfile.py", url, 20, self.floor_time, "floor", env)
        finally:
            self.stop(server)
        total = stats["Aggregated"]
        return float(total["Requests/s"]) - float(total["Failures/s"])

    # --- sampling ---------------------------------------------------------------------------------------------
    def processes(self, master: subprocess.Popen) -> dict[int, str]:
        return {pid: "intake worker" if is_intake_worker(pid) else "request worker" for pid in children_of(master.pid)}

    def sample(self, master: subprocess.Popen, started: float) -> dict:
        from portal.domain.calendar import utcnow

        rss = {}
        for pid, role in self.processes(master).items():
            try:
                rss[pid] = (role, memory_of(pid)["rss"])
            except OSError:  # ended between the listing and the read
                pass
        (depth, oldest), = self.query("SELECT count(*), min(created_at) FROM petition WHERE intake_step IS NOT NULL")
        (outbox,), = self.query("SELECT count(*) FROM outbox_message WHERE status <> 'sent'")
        age = (utcnow() - oldest).total_seconds() if oldest else 0.0
        return {"t": time.monotonic() - started, "rss": rss, "queue": depth, "queue_age": age, "outbox": outbox}

    def sampler(self, master: subprocess.Popen, started: float) -> None:
        while not self.stop_sampling.wait(SAMPLE_SECONDS):
            try:
                self.samples.append(self.sample(master, started))
            except Exception as error:  # a failed sample is reported, and the next one tried
                print(f"    sample failed: {error}", file=sys.stderr)

    # --- the run ----------------------------------------------------------------------------------------------
    def run(self) -> None:
        print(f"=== make soak: results in {self.out.relative_to(ROOT)}")
        print("--- database: PostgreSQL (throwaway cluster), demo data + synthetic archive")
        self.database()
        print(f"--- floor: bench/floor_app.py, 20 users for {self.floor_time}")
        floor = self.floor_rate()
        rate = float(os.environ.get("SOAK_RATE") or floor / 2)
        users = max(10, math.ceil(rate / self.user_rate))
        print(f"    floor sustains {floor:.0f} requests/s; the mix runs at {rate:.0f} requests/s "
              f"({users} users, at most {rate / users:.2f} requests/s each)")
        portal, url = self.start_server("portal", "wsgi:app", {**self.env, "PORTAL_INTAKE_WORKER": "1"})
        self.wait_ready(portal, url + "/api/v1/openapi.json")
        time.sleep(SAMPLE_SECONDS)  # the intake worker starts once the server is ready
        started = time.monotonic()
        self.load_at_start = os.getloadavg()
        boot = self.sample(portal, started)
        sampler = threading.Thread(target=self.sampler, args=(portal, started), daemon=True)
        sampler.start()
        print(f"--- the mix: {users} users for {self.duration} s against gunicorn --workers {self.workers} "
              "+ intake worker")
        load_env = {**self.env, "SOAK_FIXTURES": str(self.fixtures), "SOAK_USER_RATE": f"{rate / users:.4f}"}
        stats = self.locust("bench/soak_locustfile.py", url, users, f"{self.duration}s", "soak", load_env)
        drained = self.wait_drained()
        self.stop_sampling.set()
        sampler.join()
        end = self.sample(portal, started)
        self.stop(portal)
        report = Report(stats, boot, self.samples, end, self.duration, drained, floor, rate, users, self.workers,
                        self.load_at_start).text()
        (self.out / "report.txt").write_text(report)
        self.write_samples()
        print(report)

    def wait_drained(self, timeout: float = 300) -> float | None:
        """Seconds until the intake worker had routed everything left when the load stopped; None if it did not."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if not self.query("SELECT 1 FROM petition WHERE intake_step IS NOT NULL LIMIT 1"):
                return time.monotonic() - started
            time.sleep(1)
        return None

    def write_samples(self) -> None:
        with open(self.out / "samples.tsv", "w") as handle:
            handle.write("seconds\tqueue\tqueue_age_s\toutbox_unsent\trss_mb_by_pid\n")
            for s in self.samples:
                rss = " ".join(f"{pid}:{role[0]}:{mb:.1f}" for pid, (role, mb) in sorted(s["rss"].items()))
                handle.write(f"{s['t']:.0f}\t{s['queue']}\t{s['queue_age']:.1f}\t{s['outbox']}\t{rss}\n")

    def cleanup(self) -> None:
        self.stop_sampling.set()
        for server in list(self.servers):
            self.stop(server)
        subprocess.run(["scripts/pg_cluster.sh", "stop", str(self.work / "pg")], cwd=ROOT)
        shutil.rmtree(self.work, ignore_errors=True)


class Report:
    def __init__(self, stats, boot, samples, end, duration, drained, floor, rate, users, workers, load_at_start):
        self.stats, self.boot, self.samples, self.end = stats, boot, samples, end
        self.duration, self.drained, self.load_at_start = duration, drained, load_at_start
        self.floor, self.rate, self.users, self.workers = floor, rate, users, workers

    def warmed(self) -> dict:
        """The first sample after the warm-up: a tenth of the run, at least 30 s."""
        warm_up = max(30, self.duration / 10)
        return next((s for s in self.samples if s["t"] >= warm_up), self.boot)

    def text(self) -> str:
        load = lambda averages: " ".join(f"{value:.1f}" for value in averages)  # noqa: E731
        lines = [f"Soak: {self.duration} s of mixed load, {self.users} users, offered {self.rate:.0f} requests/s "
                 f"(the floor sustained {self.floor:.0f}); gunicorn --workers {self.workers} + intake worker, "
                 f"PostgreSQL; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
                 f"load average (1, 5, 15 min) at the start {load(self.load_at_start)}, at the end "
                 f"{load(os.getloadavg())}", ""]
        lines += self.pages()
        lines += [""] + self.memory()
        lines += [""] + self.queues()
        lines += [""] + self.goals()
        return "\n".join(lines) + "\n"

    def pages(self) -> list[str]:
        lines = [f"{'page':48} {'requests':>8} {'errors':>6} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}"]
        for name, row in sorted(self.stats.items(), key=lambda item: item[0] == "Aggregated"):
            lines.append(f"{name[:48]:48} {row['Request Count']:>8} {row['Failure Count']:>6} "
                         f"{float(row['Requests/s']):6.1f} {row['50%']:>7} {row['95%']:>7} "
                         f"{float(row['Max Response Time']):7.0f}")
        return lines

    def memory(self) -> list[str]:
        warmed = self.warmed()
        lines = [f"RSS in MB at boot, after the warm-up ({warmed['t']:.0f} s) and at the end; growth from warm-up "
                 "to end", f"{'process':16} {'pid':>8} {'boot':>7} {'warm':>7} {'end':>7} {'growth':>7}"]
        self.growths = []
        for pid, (role, end_mb) in sorted(self.end["rss"].items(), key=lambda item: item[1][0]):
            boot_mb = self.boot["rss"].get(pid, (role, float("nan")))[1]
            warm_mb = warmed["rss"].get(pid, (role, float("nan")))[1]
            growth = end_mb / warm_mb - 1
            self.growths.append((role, pid, growth))
            lines.append(f"{role:16} {pid:>8} {boot_mb:7.1f} {warm_mb:7.1f} {end_mb:7.1f} {growth:7.1%}")
        started_later = set(self.end["rss"]) - set(warmed["rss"])
        if started_later:
            lines.append(f"processes started after the warm-up (a restart): {sorted(started_later)}")
        return lines

    def queues(self) -> list[str]:
        largest = max(self.samples, key=lambda s: s["queue_age"], default=self.end)
        deepest = max((s["queue"] for s in self.samples), default=0)
        drained = f"{self.drained:.0f} s" if self.drained is not None else "NOT within 300 s"
        return [f"Intake queue: largest age seen {largest['queue_age']:.1f} s (at {largest['t']:.0f} s), "
                f"largest depth {deepest}; what was waiting when the load stopped was routed in {drained}",
                f"Outbox: {self.end['outbox']} messages not sent at the end (delivered by `flask sweep` / "
                "`flask outbox deliver` from cron, which the soak does not run)"]

    def goals(self) -> list[str]:
        total = self.stats["Aggregated"]
        errors = int(total["Failure Count"])
        slow = [(name, row["95%"]) for name, row in self.stats.items()
                if name != "Aggregated" and row["95%"] != "N/A" and float(row["95%"]) > P95_GOAL_MS]
        grown = [(role, pid, growth) for role, pid, growth in self.growths if not growth < GROWTH_GOAL]
        verdict = lambda ok: "PASS" if ok else "FAIL"  # noqa: E731
        return ["Goals (issue 22):",
                f"  {verdict(errors == 0)}  zero errors: {errors} of {total['Request Count']} requests",
                f"  {verdict(not slow)}  no page p95 over {P95_GOAL_MS} ms"
                + (": " + ", ".join(f"{name} {p95} ms" for name, p95 in slow) if slow else ""),
                f"  {verdict(not grown)}  memory growth under {GROWTH_GOAL:.0%} per process"
                + (": " + ", ".join(f"{role} {pid} {growth:.1%}" for role, pid, growth in grown) if grown else ""),
                f"  achieved {float(total['Requests/s']):.0f} requests/s of the {self.rate:.0f} offered"]


def main() -> None:
    soak = Soak()
    try:
        soak.run()
    finally:
        soak.cleanup()


if __name__ == "__main__":
    main()
