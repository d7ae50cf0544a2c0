#!/usr/bin/env bash
# Extract the Vietnamese source strings and merge them into the English catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pybabel extract -q -F babel.cfg -k _l -o translations/messages.pot --no-location --sort-output . 2>/dev/null \
  || .venv/bin/pybabel extract -F babel.cfg -k _l -o translations/messages.pot --no-location --sort-output .
if [ -f translations/en/LC_MESSAGES/messages.po ]; then
  .venv/bin/pybabel update -i translations/messages.pot -d translations -l en --no-fuzzy-matching
else
  .venv/bin/pybabel init -i translations/messages.pot -d translations -l en
fi
