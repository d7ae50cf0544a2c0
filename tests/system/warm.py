"""A `flask` process started ahead of time: it imports the application (the slow part of any `flask` command) at
once, then runs the commands (and set-up scripts) it is sent on stdin, each as `flask COMMAND` runs it (flask.cli's
group, --app wsgi). System tests start these before the clock matters, so a lease or a deadline is measured from
the moment a command is sent, not from a process's start-up on a busy machine.

An order may carry `now` (naive UTC, ISO): the command then runs with the outbox's clock set to that moment. This
is a test-only clock, set in that process only (portal.domain.calendar.utcnow and the name the outbox imported
from it); the product has no setting for it. It lets `flask outbox deliver` run "hours later" without
waiting hours.
"""
import json
import subprocess
import sys
from datetime import datetime

from tests.system.test_crash_and_two_servers import ROOT, server_env

SCRIPT = r"""
import contextlib, io, json, re, sys
from datetime import datetime
import wsgi
from flask.cli import cli
import portal.domain.calendar as calendar
import portal.domain.outbox as outbox
real_utcnow = calendar.utcnow
print("ready", flush=True)
for line in sys.stdin:
    order = json.loads(line)
    moment = datetime.fromisoformat(order["now"]) if order.get("now") else None
    outbox.utcnow = calendar.utcnow = (lambda: moment) if moment else real_utcnow
    answer = {"at": calendar.utcnow().isoformat()}
    if "code" in order:  # a script, with `app` and `argv` given
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(order["code"], {"app": wsgi.app, "argv": order["argv"]})
        answer.update(code=0, output=output.getvalue())
    elif "page" in order:  # a page as a signed-in user sees it, through the real sign-in form
        client = wsgi.app.test_client()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/dang-nhap/").text)[1]
        client.post("/dang-nhap/", data={"csrf_token": token, "email": order["email"], "password": order["password"]})
        page = client.get(order["page"])
        answer.update(status=page.status_code, output=page.text)
    else:
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                cli.main(args=["--app", "wsgi", *order["args"]], prog_name="flask", standalone_mode=False)
                code = 0
            except SystemExit as exit:
                code = exit.code or 0
            except Exception as error:
                print(repr(error))
                code = 1
        answer.update(code=code, output=output.getvalue())
    print(json.dumps(answer), flush=True)
"""


class WarmFlask:
    def __init__(self, url: str, **env):
        self.process = subprocess.Popen([sys.executable, "-c", SCRIPT], cwd=ROOT, env=server_env(url, **env),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        self.ready = False

    def wait_ready(self) -> "WarmFlask":
        if not self.ready:
            line = self.process.stdout.readline()
            assert line.strip() == "ready", line + self.process.stdout.read()[-3000:]
            self.ready = True
        return self

    def send(self, *args: str, now: datetime | None = None) -> None:
        """Start `flask ARGS` (returns at once; `result()` waits for it)."""
        self.wait_ready()
        self.process.stdin.write(json.dumps({"args": args, "now": now.isoformat() if now else None}) + "\n")
        self.process.stdin.flush()

    def result(self) -> dict:
        """{"at": the clock when the command began, "code": exit code, "output": what it printed}."""
        line = self.process.stdout.readline()
        try:
            answer = json.loads(line)
        except ValueError:
            raise AssertionError(line + self.process.stdout.read()[-3000:]) from None
        answer["at"] = datetime.fromisoformat(answer["at"])
        return answer

    def run(self, *args: str, now: datetime | None = None) -> dict:
        self.send(*args, now=now)
        return self.result()

    def script(self, code: str, *argv: str) -> str:
        """Run `code` (Python, with `app` and `argv` given) in this process; returns what it printed."""
        self.wait_ready()
        self.process.stdin.write(json.dumps({"code": code, "argv": list(argv)}) + "\n")
        self.process.stdin.flush()
        return self.result()["output"]

    def page(self, path: str, email: str, password: str, now: datetime | None = None) -> dict:
        self.wait_ready()
        self.process.stdin.write(json.dumps({"page": path, "email": email, "password": password,
                                             "now": now.isoformat() if now else None}) + "\n")
        self.process.stdin.flush()
        return self.result()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def as_datetime(value) -> datetime:
    """A timestamp column as read back by a raw query (SQLite gives text)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)
