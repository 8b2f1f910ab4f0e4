#!/usr/bin/env bash
# Every test: unit + integration (vitest) and browser journeys (Playwright in Debian's Chromium).
# Uses PGlite by default; set TEST_DATABASE_URL (vitest) and E2E_DATABASE_URL (browser) for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then npm install --no-audit --no-fund; fi

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium not found at $chromium. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

mkdir -p test/.artifacts
# The type check runs beside the builds and vitest; its incremental state makes a second run on
# the same sources (the CI's PostgreSQL pass) quick.
tsc_log=$(mktemp)
npx tsc --noEmit --incremental --tsBuildInfoFile test/.artifacts/tsc.tsbuildinfo >"$tsc_log" 2>&1 &
tsc_pid=$!
trap 'kill "$tsc_pid" 2>/dev/null || true' EXIT

# The builds the tests start servers from, made before any test runs (the test files and the
# browser tests' server skip them while the sources are unchanged), so none is written while a
# test reads it. Same folders and commands as test/fault/support.ts, server-lifecycle.test.ts and
# e2e/start-server.sh.
build() { RAPPORT_BUILD_DIR="$1" NODE_ENV=production bash test/support/build-if-stale.sh "${@:2}" >/dev/null; }
build test/.artifacts/build-remix "$PWD/node_modules/.bin/remix" build &
remix_pid=$!
build test/.artifacts/build-lifecycle npm run -s build
build "${E2E_BUILD_DIR:-test/.artifacts/build-${E2E_PORT:-3100}}" npm run -s build
wait "$remix_pid"

vitest_status=0
# The page cache is keyed by the database's snapshot, which on PostgreSQL is the whole cluster's:
# another test file writing its own database at the same moment is a change too. Its test runs alone.
alone=test/integration/page-cache.test.ts
npx vitest run --config test/vitest.config.ts --exclude "$alone" || vitest_status=$?
npx vitest run --config test/vitest.config.ts "$alone" || vitest_status=$?
tsc_status=0
wait "$tsc_pid" || tsc_status=$?
trap - EXIT
cat "$tsc_log"; rm -f "$tsc_log"
if [ "$tsc_status" != 0 ]; then echo "tsc --noEmit failed" >&2; exit "$tsc_status"; fi
[ "$vitest_status" = 0 ] || exit "$vitest_status"
echo "== browser tests (Playwright)"
npx playwright test --config test/playwright.config.ts
