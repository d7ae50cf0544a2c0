"""gunicorn settings, read from the working directory by `make run`, `make bench` and any `gunicorn wsgi:app`.

Serving the portal also runs its intake worker (`flask intake work`), under the gunicorn master, restarted if it
dies and stopped with the server. Requests then only accept petitions (INTAKE_ROUTING=worker) and the worker
classifies and routes them, at a lower CPU priority: in a flood the site keeps answering and the queue drains
after. Set FLASK_INTAKE_ROUTING=inline to route in the request instead (no worker is started then).
"""
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WORKER_NICENESS = int(os.environ.get("INTAKE_WORKER_NICENESS", "10"))


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


def _serves_portal(server) -> bool:
    return getattr(server.app, "app_uri", None) == "wsgi:app"


def on_starting(server):
    if _serves_portal(server):
        # Set before the workers fork, so their Flask config reads it.
        os.environ.setdefault("FLASK_INTAKE_ROUTING", "worker")


def when_ready(server):
    if _serves_portal(server) and os.environ.get("FLASK_INTAKE_ROUTING") == "worker":
        server.intake_worker = IntakeWorker(server.log)
        server.intake_worker.start()


def on_exit(server):
    worker = getattr(server, "intake_worker", None)
    if worker is not None:
        worker.stop()
