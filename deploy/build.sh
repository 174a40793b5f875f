#!/usr/bin/env bash
# Production build of one release, in its own folder, while the running release keeps serving:
#   deploy/build.sh /opt/bbb-pod-live/releases/<version> [--migrate]
# npm ci (which generates Prisma's client), next build, and with --migrate the database migrations
# (run them once per upgrade, from one host: docs/operations.md, "Mise à jour sans coupure").
# The settings come from /etc/bbb-pod-live/common.env (BBB_POD_LIVE_ENV to use another file).
set -euo pipefail
release=${1:?usage: deploy/build.sh <release folder> [--migrate]}
migrate=${2:-}
env_file=${BBB_POD_LIVE_ENV:-/etc/bbb-pod-live/common.env}
cd "$release"
if [ -r "$env_file" ]; then set -a; . "$env_file"; set +a; fi
export NEXT_TELEMETRY_DISABLED=1
# --include=dev: NODE_ENV=production would leave out the build tools, and tsx runs the processes.
npm ci --include=dev --no-audit --no-fund
NODE_ENV=production npx next build
if [ "$migrate" = "--migrate" ]; then npm run db:migrate; fi
echo "built $release${migrate:+ (migrated)}"
