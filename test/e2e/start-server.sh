#!/usr/bin/env bash
# Starts the production build for the browser tests on a fresh database with the demo data:
# the compiled server, as `npm start` runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="test/.artifacts/e2e-pglite-${PORT:-3100}"
rm -rf "$dir" "$dir.lock"
export NODE_ENV=production RAPPORT_TEST_HOOKS=true LOG_LEVEL=warn PGLITE_DIR="$dir"
# /metrics is private; the lessons journey reads it with this bearer token.
export METRICS_TOKEN=e2e-metrics-token-not-secret
# Its own build folder, so parallel test servers and a dev server never share one; E2E_BUILD_DIR
# names a shared one (the CI's two passes use one build of the same sources).
export RAPPORT_BUILD_DIR="${E2E_BUILD_DIR:-test/.artifacts/build-${PORT:-3100}}"
if [ -n "${E2E_DATABASE_URL:-}" ]; then export DATABASE_URL="$E2E_DATABASE_URL"; fi
# Built once per source state: the PostgreSQL pass reuses the PGlite pass's build.
bash test/support/build-if-stale.sh npm run -s build >/dev/null
exec node "$RAPPORT_BUILD_DIR/server.js"
