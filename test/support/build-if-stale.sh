#!/usr/bin/env bash
# Usage: RAPPORT_BUILD_DIR=<folder> bash test/support/build-if-stale.sh <build command…>
# Runs the build command unless RAPPORT_BUILD_DIR already holds a build that the same command (and
# the same NODE_ENV) made from the current sources. The CI runs every test twice (PGlite, then
# PostgreSQL) on the same sources, so the second pass reuses the first pass's builds.
# A source, config or installed package touched after the build started makes it stale. Folders
# are locked while they build, so test files (or test runs) sharing one never build it at once.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${RAPPORT_BUILD_DIR:?RAPPORT_BUILD_DIR must name the build folder}"
stamp="$dir/.built-from"
key="NODE_ENV=${NODE_ENV:-} RAPPORT_BENCH_ROUTES=${RAPPORT_BENCH_ROUTES:-} $*"
inputs=(app content db public package.json package-lock.json remix.config.js tsconfig.json node_modules/.package-lock.json)

fresh() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] || return 1
  # `npm run build` also writes the anonymiser bundle outside the build folder.
  case "$key" in *"npm run"*) [ -f build/anonymiser/cli.js ] && [ -f build/anonymiser/worker.js ] || return 1 ;; esac
  [ -z "$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

mkdir -p "$(dirname "$dir")"
# One builder per folder at a time; whoever waited finds the build fresh and skips it.
exec 9>"$dir.build-lock"
flock 9
if fresh; then exit 0; fi
rm -f "$stamp"
started=$(mktemp)
"$@"
mkdir -p "$dir"
echo "$key" >"$stamp"
# The stamp carries the time the build started, so an edit made while it ran rebuilds next time.
touch -r "$started" "$stamp"
rm -f "$started"
