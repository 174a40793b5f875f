#!/usr/bin/env bash
# npm run demo — installs and prepares everything, then runs the whole application on this machine:
# the BBB simulator (stand-in for BigBlueButton), nginx-rtmp, the workers, a streamer agent (ffmpeg
# driver) and the web app on http://localhost:3000.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/setup.sh
node_modules/.bin/tsx scripts/db-migrate.ts
node_modules/.bin/tsx prisma/seed/demo.ts
echo "Building the web app…"
node_modules/.bin/next build >/tmp/bbb-pod-live-build.log 2>&1 || { tail -40 /tmp/bbb-pod-live-build.log; exit 1; }

# Read the BBB settings the way the app does (.env.local, then .env, real variables first).
read -r sim_host sim_port BBB_SECRET_KEY < <(node -e '
  for (const f of [".env.local", ".env"]) { try { process.loadEnvFile(f) } catch {} }
  const u = new URL(process.env.BBB_SERVER_URL)
  console.log(u.hostname, u.port || 80, process.env.BBB_SECRET_KEY)')

pids=()
cleanup() {
  echo; echo "Stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # Streamers outlive their agent by design (a restarted agent re-adopts them): stop the demo's ones.
  for pid in $(pgrep -f lavfi || true); do
    case "$(readlink "/proc/$pid/cwd" 2>/dev/null)" in "$PWD"/var/*) kill "$pid" 2>/dev/null || true ;; esac
  done
}
trap cleanup EXIT INT TERM

if [ "$sim_host" = "127.0.0.1" ] || [ "$sim_host" = "localhost" ]; then
  # Reports BBB 3.0: the chat relay (CHAT_RELAY=auto) then uses sendChatMessage, which the simulator keeps.
  BBB_SIM_PORT=$sim_port BBB_SIM_SECRET=$BBB_SECRET_KEY BBB_SIM_BBB_VERSION=3.0.4 node_modules/.bin/tsx tools/bbb-simulator/server.ts --quiet &
  pids+=($!)
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:${sim_port}/_sim/health" >/dev/null && break; sleep 0.2; done
  node_modules/.bin/tsx scripts/demo-meetings.ts "http://127.0.0.1:${sim_port}"
else
  echo "BBB_SERVER_URL points at ${sim_host}: using that server, no simulator started."
fi
node_modules/.bin/tsx tools/rtmp/server.ts &
pids+=($!)
node_modules/.bin/tsx workers/main.ts &
pids+=($!)
node_modules/.bin/tsx workers/agent.ts &
pids+=($!)
node --import tsx server.ts -p "${PORT:-3000}" &
pids+=($!)

cat <<MSG

  bbb-pod-live is running: http://localhost:${PORT:-3000}
  Sign in as hlefevre / teacher-demo-2026 (teacher), admin / admin-demo-2026 (admin),
  jmartin / teacher-demo-2026 (teacher), etudiant / student-demo-2026 (student).
  Try it: as hlefevre, « Réaliser un direct » with « Chat sur la page du direct » ticked; as etudiant (another
  browser), open it from « Directs », watch and write in the chat.
  BBB simulator control: node_modules/.bin/tsx tools/bbb-simulator/cli.ts --help
  Chat messages the simulator's BBB received: curl -s http://127.0.0.1:${sim_port}/_sim/chat
  Ctrl-C stops everything.

MSG
wait -n
