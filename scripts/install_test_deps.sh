#!/usr/bin/env bash
# Debian packages the suite needs: PostgreSQL (a throwaway cluster is started per run), Chromium, and memcached
# (the rate-limit store two app servers share, started by the multi-server test).
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
command -v memcached >/dev/null || need+=(memcached)
if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
