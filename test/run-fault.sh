#!/usr/bin/env bash
# The fault tests: a private PostgreSQL restarted under write load, and two app instances behind
# HAProxy with one killed. They need root (PostgreSQL runs as the postgres user) and HAProxy,
# which is installed from Debian's package when missing, as run-all.sh does for Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's haproxy for the fault tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "HAProxy not found; the two-instance test will be skipped (sudo apt-get install haproxy)." >&2
  fi
fi
exec npx vitest run --config test/vitest.fault.config.ts "$@"
