#!/usr/bin/env bash
# Starts the production build for the browser tests on a fresh database with the demo data.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="test/.artifacts/e2e-pglite-${PORT:-3100}"
rm -rf "$dir" "$dir.lock"
export NODE_ENV=production RAPPORT_TEST_HOOKS=true LOG_LEVEL=warn PGLITE_DIR="$dir"
if [ -n "${E2E_DATABASE_URL:-}" ]; then export DATABASE_URL="$E2E_DATABASE_URL"; fi
npx remix build >/dev/null
exec npx tsx app/server/start.ts
