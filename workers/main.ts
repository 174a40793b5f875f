// npm run worker — the orchestrator: meeting sync, purge, and the lives (claims, stops, timeouts).
// A watchdog re-creates what is missing when no sync ran for three intervals.
// `npm run worker -- --health` prints the service health (JSON) and exits 0 when "ok", 1 otherwise.
import { bootstrap } from "@/lib/boot/bootstrap"
import { getServiceHealth } from "@/lib/health/get-service-health"
import { claimInstallationNamespace } from "@/lib/health/installation-marker"
import { logger } from "@/lib/logger"
import { createSyncWatchdog } from "@/lib/meetings/watch-meetings-sync"

import { orchestratorWorkers } from "./registry"
import { closeOnSignals, startWorkers } from "./run-worker"

if (process.argv.includes("--health")) {
  await bootstrap("worker", { services: false })
  const health = await getServiceHealth()
  console.log(JSON.stringify(health, null, 2))
  console.error(health.status === "ok" ? "bbb-pod-live: ok" : `bbb-pod-live: ${health.status}: ${health.problems.join("; ")}`)
  process.exit(health.status === "ok" ? 0 : 1)
}

const env = await bootstrap("worker")
// The installation marker (lib/health/installation-marker.ts): written at the first start; another
// installation's marker is said loudly (npm run doctor fails on it too), without stopping the worker.
const claim = await claimInstallationNamespace(env).catch(() => null)
if (claim?.status === "other") {
  logger.error({ namespace: env.REDIS_PREFIX, holder: claim.holder, identity: claim.identity }, `Redis namespace "${env.REDIS_PREFIX}" belongs to another installation (its database: ${claim.holder}): give this one a REDIS_PREFIX of its own`)
}
const workers = await startWorkers(orchestratorWorkers(env))
const watchdog = createSyncWatchdog({ intervalMs: env.MEETINGS_SYNC_INTERVAL_MS, heal: workers.heal })
// A timer, not a job scheduler: it must run when the schedulers are what got lost.
const watchdogTimer = setInterval(() => void watchdog.check(), env.MEETINGS_SYNC_INTERVAL_MS)
closeOnSignals(workers, async () => clearInterval(watchdogTimer))
logger.info({ workers: workers.map((w) => w.name), syncEveryMs: env.MEETINGS_SYNC_INTERVAL_MS }, "workers running")
