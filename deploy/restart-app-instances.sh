#!/usr/bin/env bash
# Restarts this host's app instances one at a time, each back and ready before the next goes down,
# so the front always has instances to send requests to (docs/operations.md):
#   deploy/restart-app-instances.sh            every enabled bbb-pod-live-app@<port> of this host
#   deploy/restart-app-instances.sh 3001 3002  these ports
set -euo pipefail
ports=("$@")
if [ ${#ports[@]} -eq 0 ]; then
  mapfile -t ports < <(systemctl list-units --plain --no-legend 'bbb-pod-live-app@*.service' | sed -E 's/^bbb-pod-live-app@([0-9]+)\.service.*/\1/')
fi
for port in "${ports[@]}"; do
  echo "restarting bbb-pod-live-app@$port"
  systemctl restart "bbb-pod-live-app@$port"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health/ready"; then break; fi
    sleep 1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health/ready" || { echo "bbb-pod-live-app@$port is not ready: stopping here (journalctl -u bbb-pod-live-app@$port)" >&2; exit 1; }
done
