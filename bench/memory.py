"""Memory of the production server: gunicorn as `make run` starts it, after it has classified petitions.

    .venv/bin/python bench/memory.py --workers 2 4 [--tree /path/to/another/checkout] [--json]

For each worker count: a fresh SQLite database in a temporary directory (`flask db upgrade` + `flask load-taxonomy`
run in TREE), then `gunicorn --workers N wsgi:app` in TREE with its intake worker (PORTAL_INTAKE_WORKER=1, as
`make run`), rate limits off. Once every worker answers, each one classifies texts (POST /api/v1/classify, several
times per worker) and petitions are sent (POST /api/v1/petitions) and routed by the intake worker. Then, per
process of the server (the master, each request worker, the intake worker), from /proc/PID/smaps_rollup:

    RSS  resident memory, pages shared with other processes included (what `ps` and `top` show);
    USS  unique memory: Private_Clean + Private_Dirty, what the system gets back when that process ends;
    PSS  each shared page divided among the processes sharing it; the sum over processes is the server's real
         footprint.

TREE defaults to this checkout. The interpreter and gunicorn are the ones running this script, so an older tree
(one without this file) is measured with the same packages: `--tree /work/baseline`.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TEXTS = (
    "Đường kiệt {n} bị ngập sâu sau mỗi trận mưa lớn, người dân đi lại rất khó khăn, "
    "đề nghị khơi thông cống.",
    "Đèn đường ở tổ {n} tắt hơn hai tuần nay, buổi tối rất tối, đề nghị cơ quan chức năng sửa chữa sớm.",
    "Bãi rác tự phát gần khu dân cư số {n} bốc mùi hôi thối, ruồi muỗi nhiều, mong được thu gom xử lý.",
    "Quán karaoke ở thôn {n} mở nhạc to đến nửa đêm, ảnh hưởng giấc ngủ của người già và trẻ nhỏ.",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid` (field 4 of /proc/N/stat)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def is_intake_worker(pid: int) -> bool:
    try:
        return b"intake" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def memory_of(pid: int) -> dict[str, float]:
    """RSS, USS and PSS of one process in MB, from /proc/PID/smaps_rollup."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])  # kB
    uss = fields["Private_Clean"] + fields["Private_Dirty"]
    return {"rss": fields["Rss"] / 1024, "uss": uss / 1024, "pss": fields["Pss"] / 1024}


def prepare_database(tree: Path, env: dict) -> None:
    for command in (["db", "upgrade"], ["load-taxonomy"]):
        subprocess.run([BIN / "flask", *command], cwd=tree, env={**env, "FLASK_CLASSIFIER_WARM_UP": "false"},
                       check=True, capture_output=True)


def wait_ready(base: str, master: subprocess.Popen, workers: int, log: Path) -> None:
    deadline = time.time() + 180
    while time.time() < deadline and master.poll() is None:
        try:
            request_workers = [pid for pid in children_of(master.pid) if not is_intake_worker(pid)]
            if requests.get(base + "/api/v1/openapi.json", timeout=10).ok and len(request_workers) == workers:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not start:\n{log.read_text()[-3000:]}")


def exercise(base: str, workers: int, database_url: str) -> None:
    """Every worker classifies (requests spread over them by the kernel), and the intake worker routes."""
    def classify(n: int):
        response = requests.post(base + "/api/v1/classify", json={"text": TEXTS[n % 4].format(n=n)}, timeout=120)
        response.raise_for_status()

    def submit(n: int):
        body = {"content": TEXTS[n % 4].format(n=n), "location": {"province_code": "48", "ward_code": "20257"}}
        response = requests.post(base + "/api/v1/petitions", json=body, timeout=120)
        assert response.status_code == 201, response.text[:300]

    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(classify, range(workers * 16)))
        list(pool.map(submit, range(workers * 4)))
    wait_until_routed(database_url)


def wait_until_routed(database_url: str, timeout: float = 180) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    deadline = time.time() + timeout
    try:
        with engine.connect() as connection:
            while connection.execute(text("SELECT count(*) FROM petition WHERE intake_step IS NOT NULL")).scalar():
                if time.time() > deadline:
                    raise RuntimeError("the intake worker did not route the petitions")
                time.sleep(0.3)
                connection.rollback()
    finally:
        engine.dispose()


def measure(tree: Path, workers: int) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="portal-memory-") as work:
        database_url = f"sqlite:///{work}/portal.sqlite3"
        env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "memory-bench", "FLASK_APP": "wsgi.py",
               "FLASK_RATELIMIT_ENABLED": "false", "PORTAL_INTAKE_WORKER": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        prepare_database(tree, env)
        port, log = free_port(), Path(work) / "gunicorn.log"
        with open(log, "wb") as handle:
            master = subprocess.Popen([BIN / "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                                       "wsgi:app"], cwd=tree, env=env, stdout=handle, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base, master, workers, log)
            exercise(base, workers, database_url)
            time.sleep(1)
            rows = [{"process": "master", "pid": master.pid, **memory_of(master.pid)}]
            for pid in children_of(master.pid):
                role = "intake worker" if is_intake_worker(pid) else "request worker"
                rows.append({"process": role, "pid": pid, **memory_of(pid)})
        finally:
            master.terminate()
            master.wait(timeout=60)
    return rows


def print_table(tree: Path, workers: int, rows: list[dict]) -> None:
    print(f"\n{tree}: gunicorn --workers {workers} wsgi:app (+ intake worker), MB")
    print(f"{'process':16} {'pid':>8} {'RSS':>8} {'USS':>8} {'PSS':>8}")
    for row in rows:
        print(f"{row['process']:16} {row['pid']:>8} {row['rss']:8.1f} {row['uss']:8.1f} {row['pss']:8.1f}")
    totals = {key: sum(row[key] for row in rows) for key in ("rss", "uss", "pss")}
    print(f"{'total':16} {'':>8} {totals['rss']:8.1f} {totals['uss']:8.1f} {totals['pss']:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the checkout to serve (default: this one)")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    options = parser.parse_args()
    tree = options.tree.resolve()
    for workers in options.workers:
        rows = measure(tree, workers)
        print_table(tree, workers, rows)
        if options.json:
            print(json.dumps({"tree": str(tree), "workers": workers, "processes": rows}))


if __name__ == "__main__":
    main()
