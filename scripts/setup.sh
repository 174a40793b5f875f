#!/usr/bin/env bash
# Install and prepare everything the app, the demo and the tests need. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium (browser tests), nginx + RTMP module and ffmpeg (the live pipeline), pgbouncer (a test).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v ffmpeg >/dev/null || need+=(ffmpeg)
command -v nginx >/dev/null || need+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || need+=(libnginx-mod-rtmp)
command -v pg_isready >/dev/null || need+=(postgresql-client)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || need+=(fonts-dejavu-core) # titles drawn by the ffmpeg streamer
[ -x /usr/sbin/pgbouncer ] || need+=(pgbouncer) # lib/db-pgbouncer.integration.test.ts runs a private one (the service stays off)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm packages (postinstall generates the Prisma client). Skipped when node_modules already matches
# the lock file (npm keeps its own copy of it in node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d lib/generated/prisma ]; then
  # npm install, not npm ci: npm leaves other platforms' optional binaries (swc, tailwind oxide)
  # out of the lock file, and npm ci then refuses the lock as "out of sync".
  npm install --no-audit --no-fund
fi

bash scripts/ensure-services.sh

if [ ! -f .env ]; then
  cp .env.example .env
  secret=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
  sed -i "s/^AUTH_SECRET=.*/AUTH_SECRET=${secret}/" .env
  echo "Created .env from .env.example (edit it to point at your BBB server)"
fi
