#!/usr/bin/env bash
# npm test: unit and integration tests (vitest, real PostgreSQL and Redis), then browser tests
# (Playwright + Debian Chromium against a production build). Ends with one summary line; a stage that
# failed or did not run is named on the line before it and counted as failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# The production build of the browser tests goes to its own folder (next.config.ts): a demo running from
# .next in this checkout keeps its files while the suite builds.
export NEXT_DIST_DIR=test-results/next
mkdir -p test-results
# Results of an earlier run must never stand in for a stage that writes none this time.
rm -f test-results/vitest.json test-results/playwright.json

bash scripts/ensure-services.sh || exit 1
[ -d lib/generated/prisma ] || bash scripts/prisma-generate.sh

echo "== Type check and lint (import directions of docs/style)"
node_modules/.bin/tsc --noEmit -p . && node_modules/.bin/eslint --max-warnings 0 .
tsc_rc=$?

echo "== Unit and integration tests (vitest)"
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest_rc=$?

echo "== Production build"
if node_modules/.bin/next build > test-results/build.log 2>&1; then
  build_rc=0
  echo "build ok"
else
  build_rc=1
  tail -40 test-results/build.log
fi

pw_rc=1
pw_args=()
if [ $build_rc -eq 0 ]; then
  echo "== Browser tests (Playwright, Debian Chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json node_modules/.bin/playwright test --reporter=list,json
  pw_rc=$?
  pw_args=(--playwright-rc "$pw_rc")
fi

node scripts/test-summary.mjs --tsc-rc "$tsc_rc" --vitest-json test-results/vitest.json --vitest-rc "$vitest_rc" \
  --build-rc "$build_rc" --playwright-json test-results/playwright.json "${pw_args[@]}"
[ $tsc_rc -eq 0 ] && [ $vitest_rc -eq 0 ] && [ $build_rc -eq 0 ] && [ $pw_rc -eq 0 ]
