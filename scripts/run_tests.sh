#!/usr/bin/env bash
# The whole suite twice, on SQLite and on a throwaway PostgreSQL cluster, both at once: each run is one
# single-threaded pytest, so on a machine with two cores or more the pair takes about as long as the slower one.
# PORTAL_TESTS_IN_TURN=1 runs them one after the other (a one-core machine, or to read a failure undisturbed).
set -uo pipefail
cd "$(dirname "$0")/.."
export FLASK_APP=wsgi.py PYTHONDONTWRITEBYTECODE=1
pgdir=$(mktemp -d /tmp/portal-pg.XXXXXX)
logs=$(mktemp -d /tmp/portal-test-logs.XXXXXX)
trap 'scripts/pg_cluster.sh stop "$pgdir"; rm -rf "$logs"' EXIT

url=$(scripts/pg_cluster.sh start "$pgdir") || { echo "PostgreSQL did not start"; exit 1; }
run() {  # run NAME URL ARGS...: the suite on one database, its output kept in $logs/NAME
  local name=$1 database=$2; shift 2
  TEST_DATABASE_URL=$database .venv/bin/python -m pytest -q -p no:cacheprovider "$@" >"$logs/$name" 2>&1
}

if [ "${PORTAL_TESTS_IN_TURN:-}" = 1 ] || [ "$(nproc)" -lt 2 ]; then
  run sqlite "" "$@"; sqlite_rc=$?
  run postgresql "$url" "$@"; pg_rc=$?
else
  run sqlite "" "$@" & sqlite_pid=$!
  run postgresql "$url" "$@" & pg_pid=$!
  wait $sqlite_pid; sqlite_rc=$?
  wait $pg_pid; pg_rc=$?
fi

echo "=== Test suite on SQLite"; cat "$logs/sqlite"
echo "=== Test suite on PostgreSQL"; cat "$logs/postgresql"
echo "SQLite: exit $sqlite_rc; PostgreSQL: exit $pg_rc"
[ $sqlite_rc -eq 0 ] && [ $pg_rc -eq 0 ]
