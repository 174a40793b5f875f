#!/usr/bin/env bash
# Started by Playwright (webServer) with the settings of e2e/fixtures/env.ts: a fresh e2e database,
# migrated and seeded, the BBB simulator, nginx-rtmp, the workers and a streamer agent (ffmpeg driver),
# then the built app. All stop together.
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/tsx scripts/recreate-db.ts "$DATABASE_URL"
node_modules/.bin/tsx scripts/db-migrate.ts >/dev/null
node_modules/.bin/tsx prisma/seed/demo.ts >/dev/null
# This stack's keys only: the other stack of npm test (E2E_STACK) shares the Redis database.
redis-cli -u "$REDIS_URL" --scan --pattern "${REDIS_PREFIX}:*" | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # Streamers outlive their agent by design (it re-adopts them on restart): stop this run's ones.
  for pid in $(pgrep -f lavfi || true); do
    case "$(readlink "/proc/$pid/cwd" 2>/dev/null)" in "$PWD/$E2E_VAR_DIR"/*) kill "$pid" 2>/dev/null || true ;; esac
  done
}
trap cleanup EXIT INT TERM

sim_port=$(node -e 'console.log(new URL(process.env.BBB_SERVER_URL).port)')
BBB_SIM_PORT=$sim_port BBB_SIM_SECRET=$BBB_SECRET_KEY node_modules/.bin/tsx tools/bbb-simulator/server.ts --quiet &
pids+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:${sim_port}/_sim/health" >/dev/null && break; sleep 0.2; done
# An nginx-rtmp left by a run that was killed (not stopped) still holds this stack's ports: stop it.
pkill -f "nginx -p $PWD/$E2E_VAR_DIR/rtmp " 2>/dev/null && sleep 0.5
rm -rf "$E2E_VAR_DIR"
node_modules/.bin/tsx tools/rtmp/server.ts &
pids+=($!)
node_modules/.bin/tsx workers/main.ts &
pids+=($!)
node_modules/.bin/tsx workers/agent.ts &
pids+=($!)
# The app's own output is also kept in a file: e2e/security.spec.ts checks that bad input logs no error.
mkdir -p "$E2E_VAR_DIR"
node --import tsx server.ts -p "$PORT" > >(tee "$E2E_VAR_DIR/app.log") 2>&1 &
pids+=($!)
wait -n
