#!/usr/bin/env bash
# The whole suite twice: on SQLite, then on a throwaway PostgreSQL cluster.
set -uo pipefail
cd "$(dirname "$0")/.."
export FLASK_APP=wsgi.py PYTHONDONTWRITEBYTECODE=1
pgdir=$(mktemp -d /tmp/portal-pg.XXXXXX)
trap 'scripts/pg_cluster.sh stop "$pgdir"' EXIT

echo "=== Test suite on SQLite"
TEST_DATABASE_URL= .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
sqlite_rc=$?

echo "=== Test suite on PostgreSQL"
url=$(scripts/pg_cluster.sh start "$pgdir") || { echo "PostgreSQL did not start"; exit 1; }
TEST_DATABASE_URL=$url .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
pg_rc=$?

echo "SQLite: exit $sqlite_rc; PostgreSQL: exit $pg_rc"
[ $sqlite_rc -eq 0 ] && [ $pg_rc -eq 0 ]
