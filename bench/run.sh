#!/usr/bin/env bash
# `make bench`: the portal's petition intake under load, on SQLite and on PostgreSQL, against a floor measured
# in the same run (bench/floor_app.py: one INSERT per request, same database, same gunicorn settings, same load).
#
# For each database: a fresh one (SQLite file in a temp dir; PostgreSQL via scripts/pg_cluster.sh), `flask db
# upgrade` + `flask bootstrap` like `make run`, an operator API key, then the portal under gunicorn exactly as
# `make run` starts it (rate limits off) and the floor under the same gunicorn settings, both driven by locust:
#   portal / mixed  : POST petitions, GET tracking, GET metrics (once)
#   portal / submit : POST petitions only  } alternated BENCH_ROUNDS times, so that whatever else the machine
#   floor  / submit : POST to the floor app } does in the meantime falls on both; the ratio is their median
# Raw results (locust CSV, server logs) go to bench/results/<time>/; the table is printed at the end.
# The portal runs its intake worker as `make run` does (PORTAL_INTAKE_WORKER=1, gunicorn.conf.py): after each portal
# run the bench waits for the worker to route the backlog and reports it (drain.tsv), so the worker is idle while the
# floor runs.
# Knobs: BENCH_USERS (20), BENCH_TIME (10s), BENCH_ROUNDS (3), WORKERS (nproc), BENCH_DATABASES ("sqlite postgresql").
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
PY=.venv/bin/python
USERS=${BENCH_USERS:-20}
RUN_TIME=${BENCH_TIME:-10s}
ROUNDS=${BENCH_ROUNDS:-3}
WORKERS=${WORKERS:-$(nproc)}
DATABASES=${BENCH_DATABASES:-sqlite postgresql}
out=bench/results/$(date +%Y%m%d-%H%M%S)
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
chmod 755 "$work"  # the PostgreSQL cluster inside runs as the postgres user
mkdir -p "$out"
: > "$out/runs.tsv"
: > "$out/drain.tsv"
servers=()
# `flask bootstrap` writes the demo passwords into instance/demo-accounts.txt: keep the developer's copy.
accounts=instance/demo-accounts.txt
[ -f "$accounts" ] && cp -p "$accounts" "$work/demo-accounts.txt.saved"

cleanup() {
  stop_servers
  [ -d "$work/pg" ] && scripts/pg_cluster.sh stop "$work/pg"
  if [ -f "$work/demo-accounts.txt.saved" ]; then cp -p "$work/demo-accounts.txt.saved" "$accounts"; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

count_rows() {  # count_rows URL TABLE
  $PY - "$1" "$2" <<'EOF'
import sys
from sqlalchemy import create_engine, text
url = sys.argv[1].replace("postgresql://", "postgresql+psycopg://", 1)
engine = create_engine(url)
with engine.connect() as connection:
    print(connection.execute(text(f"SELECT count(*) FROM {sys.argv[2]}")).scalar())
engine.dispose()
EOF
}

wait_ready() {  # wait_ready URL: until a worker answers, then a few more requests so every worker has booted
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null --max-time 2 "$1"; then
      local warmups=()  # wait for these alone: a bare `wait` would wait for the server too
      for _ in $(seq 1 "$((WORKERS * 4))"); do curl -s -o /dev/null --max-time 30 "$1" & warmups+=($!); done
      wait "${warmups[@]}"
      return 0
    fi
    sleep 0.5
  done
  echo "server at $1 did not start" >&2; return 1
}

start_server() {  # start_server LOG APP_MODULE [gunicorn args...]: gunicorn as `make run` starts it; sets $port
  local log=$1 module=$2; shift 2
  port=$(free_port)
  .venv/bin/gunicorn --workers "$WORKERS" --bind "127.0.0.1:$port" --access-logfile - "$@" "$module" >"$log" 2>&1 &
  servers+=($!)
}

stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  servers=()
}

run_locust() {  # run_locust BACKEND SERVER MIX URL TABLE PORT [ROUND]
  local backend=$1 server=$2 mix=$3 db_url=$4 table=$5 port=$6 round=${7:-1} before after
  local prefix="$out/$1-$2-$3-$round"
  before=$(count_rows "$db_url" "$table")
  echo "--- $backend / $server / $mix load, round $round: $USERS users for $RUN_TIME"
  BENCH_MIX=$mix .venv/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r "$USERS" -t "$RUN_TIME" \
    --host "http://127.0.0.1:$port" --csv "$prefix" --only-summary --loglevel WARNING \
    >"$prefix-locust.log" 2>&1 || true  # locust exits 1 when a request failed: the table shows it
  sleep 1  # requests in flight when locust stopped
  after=$(count_rows "$db_url" "$table")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$backend" "$server" "$mix" "$round" "$prefix" "$((after - before))" >>"$out/runs.tsv"
  if [ "$server" = portal ]; then wait_routed "$backend" "$mix" "$db_url"; fi
}

wait_routed() {  # wait_routed BACKEND MIX URL: the intake worker's backlog when the load stopped, and its drain time
  $PY - "$@" >>"$out/drain.tsv" <<'EOF'
import sys, time
from sqlalchemy import create_engine, text
from portal.domain.intake import ROUTING_FAILED_NOTE
backend, mix, url = sys.argv[1:4]
engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
count = text("SELECT count(*) FROM petition WHERE intake_step IS NOT NULL")
started = time.monotonic()
with engine.connect() as connection:
    backlog = waiting = connection.execute(count).scalar()
    while waiting and time.monotonic() - started < 600:
        time.sleep(0.2)
        connection.rollback()
        waiting = connection.execute(count).scalar()
    seconds = time.monotonic() - started
    # Cumulative over the runs on this database: petitions the worker gave up on (sent to triage, logged why).
    failed = connection.execute(text("SELECT count(*) FROM petition_event WHERE note = :note"),
                                {"note": ROUTING_FAILED_NOTE}).scalar()
print(f"{backend}\t{mix}\t{backlog}\t{seconds:.1f}\t{waiting}\t{failed}")
EOF
}

for backend in $DATABASES; do
  echo "=== $backend"
  case $backend in
    sqlite) mkdir -p "$work/sqlite"; db_url="sqlite:///$work/sqlite/portal.sqlite3" ;;
    postgresql)
      server_url=$(scripts/pg_cluster.sh start "$work/pg")
      $PY -c 'import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).execute("CREATE DATABASE portal_bench")' "$server_url"
      db_url=${server_url%/*}/portal_bench ;;
    *) echo "unknown database $backend" >&2; exit 2 ;;
  esac
  export DATABASE_URL=$db_url SECRET_KEY="bench-$RANDOM$RANDOM" FLASK_APP=wsgi.py FLASK_RATELIMIT_ENABLED=false
  # The CLI does not classify: skip loading the classifier at start-up there (gunicorn's workers do load it).
  FLASK_CLASSIFIER_WARM_UP=false .venv/bin/flask db upgrade >"$out/$backend-setup.log" 2>&1
  FLASK_CLASSIFIER_WARM_UP=false .venv/bin/flask bootstrap >>"$out/$backend-setup.log" 2>&1
  BENCH_API_KEY=$(FLASK_CLASSIFIER_WARM_UP=false .venv/bin/flask api-keys create --name bench --role operator | tail -1)
  export BENCH_API_KEY

  FLOOR_DATABASE_URL=$db_url $PY bench/floor_app.py init
  PORTAL_INTAKE_WORKER=1 start_server "$out/$backend-portal-gunicorn.log" wsgi:app  # with its intake worker, as `make run`
  portal_port=$port
  FLOOR_DATABASE_URL=$db_url start_server "$out/$backend-floor-gunicorn.log" floor_app:app --pythonpath bench
  floor_port=$port
  wait_ready "http://127.0.0.1:$portal_port/api/v1/openapi.json"
  wait_ready "http://127.0.0.1:$floor_port/api/v1/petitions"
  run_locust "$backend" portal mixed "$db_url" petition "$portal_port"
  for round in $(seq 1 "$ROUNDS"); do
    run_locust "$backend" portal submit "$db_url" petition "$portal_port" "$round"
    run_locust "$backend" floor submit "$db_url" floor_petition "$floor_port" "$round"
  done
  stop_servers

  if [ "$backend" = postgresql ]; then scripts/pg_cluster.sh stop "$work/pg"; fi
  unset DATABASE_URL BENCH_API_KEY
done

echo
echo "=== Results ($USERS users, $RUN_TIME per run, $ROUNDS rounds, $WORKERS gunicorn workers, $(nproc) cores; raw files in $out)"
$PY bench/report.py "$out"
