#!/usr/bin/env bash
# Until the first release, the schema lives in one initial migration, regenerated from the models.
# Hand-written migrations (full-text search ...) sit after it and are set aside while it is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
# Several people may regenerate at once in one tree: one at a time.
exec 9>/tmp/portal-regen-migration.lock
flock 9
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/aside"
find migrations/versions -name '*.py' ! -name '0001_initial.py' -exec mv {} "$tmp/aside/" \;
rm -f migrations/versions/0001_initial.py
export FLASK_APP=wsgi.py DATABASE_URL="sqlite:///$tmp/schema.sqlite3" SECRET_KEY=schema
.venv/bin/flask db migrate -m "initial schema" --rev-id 0001 >/dev/null
mv migrations/versions/0001_initial_schema.py migrations/versions/0001_initial.py
find "$tmp/aside" -name '*.py' -exec mv {} migrations/versions/ \;
echo "migrations/versions/0001_initial.py regenerated"
