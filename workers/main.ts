// npm run worker — the orchestrator: meeting sync, purge, and the lives (claims, stops, timeouts).
// A watchdog re-creates what is missing when no sync ran for three intervals.
// `npm run worker -- --health` prints the service health (JSON) and exits 0 when "ok", 1 otherwise.
import { bootstrap } from "@/lib/boot/bootstrap"
import { getServiceHealth } from "@/lib/health/get-service-health"
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
const workers = await startWorkers(orchestratorWorkers(env))
const watchdog = createSyncWatchdog({ intervalMs: env.MEETINGS_SYNC_INTERVAL_MS, heal: workers.heal })
// A timer, not a job scheduler: it must run when the schedulers are what got lost.
const watchdogTimer = setInterval(() => void watchdog.check(), env.MEETINGS_SYNC_INTERVAL_MS)
closeOnSignals(workers, async () => clearInterval(watchdogTimer))
logger.info({ workers: workers.map((w) => w.name), syncEveryMs: env.MEETINGS_SYNC_INTERVAL_MS }, "workers running")
