"""gunicorn settings, read from the working directory by `make run`, `make bench` and any `gunicorn wsgi:app`.

The application, with its classifier and underthesea's models, is loaded once in the master before it forks its
workers (preload_app): the workers share those pages instead of each reading its own copy. Nothing opens a
database connection before the fork, and post_fork drops any pooled connection a worker inherited all the same,
so no two processes ever share one (the rate limiter's database:// store uses the same engine).

The intake worker (`flask intake work`, portal/domain/intake.py) is a process of its own. In production it runs as
its own service (Procfile, deploy/portal-intake.service); with PORTAL_INTAKE_WORKER=1, which `make run` and
`make bench` set, this master runs it instead: started when the server is ready, restarted if it dies, stopped with
the server, at a lower CPU priority. Either way requests then only accept petitions (INTAKE_ROUTING=worker) and
the worker classifies and routes them: in a flood the site keeps answering and the queue drains after.
FLASK_INTAKE_ROUTING=inline routes in the request instead, and then no worker is started.
"""
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WORKER_NICENESS = int(os.environ.get("INTAKE_WORKER_NICENESS", "10"))
SUPERVISE_INTAKE_WORKER = os.environ.get("PORTAL_INTAKE_WORKER") == "1"

preload_app = True

# Prometheus counters of all workers (portal/observability.py) are kept in files here and summed at each scrape. Set
# before the application is loaded (it imports prometheus_client), and emptied: counters start again with the server.
# Unless the environment names a directory, a temporary one is made here and removed when the server stops.
METRICS_DIR_MADE_HERE = None
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    METRICS_DIR_MADE_HERE = os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="portal-metrics-")
for stale in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):
    stale.unlink()

if SUPERVISE_INTAKE_WORKER:
    # Set here, not in a hook: with preload_app the application reads its configuration before any hook runs.
    os.environ.setdefault("FLASK_INTAKE_ROUTING", "worker")


class IntakeWorker:
    """`flask intake work` as a child of the gunicorn master, restarted after a crash."""

    def __init__(self, log):
        self.log, self.process, self.stopping = log, None, threading.Event()

    def start(self):
        threading.Thread(target=self._supervise, name="intake-worker", daemon=True).start()

    def _supervise(self):
        while not self.stopping.is_set():
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "wsgi", "intake", "work"], cwd=ROOT,
                preexec_fn=lambda: os.nice(WORKER_NICENESS))
            self.log.info("intake worker started (pid %s)", self.process.pid)
            code = self.process.wait()
            if not self.stopping.is_set():
                self.log.error("intake worker exited with %s; restarting in 1 s", code)
                time.sleep(1)

    def stop(self):
        self.stopping.set()
        if self.process and self.process.poll() is None:
            self.process.terminate()  # the worker finishes its batch on SIGTERM
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def on_starting(server):
    # The preloaded objects go to a generation the collector never scans: a collection in a worker then does not
    # write to their pages, which stay shared with the master.
    gc.freeze()


def post_fork(server, worker):
    flask_app = server.app.wsgi()
    database = getattr(flask_app, "extensions", {}).get("sqlalchemy")  # absent in bench/floor_app.py
    if database is not None:
        with flask_app.app_context():
            for engine in database.engines.values():
                engine.dispose(close=False)  # forget inherited connections without closing the master's


def child_exit(server, worker):
    # A dead worker's live gauges are dropped; its counters stay in the sums (prometheus_client's multiprocess mode).
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def when_ready(server):
    if SUPERVISE_INTAKE_WORKER and os.environ.get("FLASK_INTAKE_ROUTING") == "worker":
        server.intake_worker = IntakeWorker(server.log)
        server.intake_worker.start()


def on_exit(server):
    worker = getattr(server, "intake_worker", None)
    if worker is not None:
        worker.stop()
    if METRICS_DIR_MADE_HERE:
        shutil.rmtree(METRICS_DIR_MADE_HERE, ignore_errors=True)
