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

npx tsc --noEmit
npx vitest run --config test/vitest.config.ts
npx playwright test --config test/playwright.config.ts
