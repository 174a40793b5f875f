#!/usr/bin/env bash
# npm run doctor with the settings of a role on this host (common.env, then <role>.env):
#   deploy/doctor.sh [app|worker|agent] [--mail]     (default: app)
set -euo pipefail
role=${1:-app}
shift || true
cd "$(dirname "$0")/.."
set -a
. /etc/bbb-pod-live/common.env
[ -r "/etc/bbb-pod-live/$role.env" ] && . "/etc/bbb-pod-live/$role.env"
set +a
exec node --import tsx scripts/doctor.ts "$@"
