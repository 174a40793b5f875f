// npm run worker — the orchestrator: meeting sync, purge, and the lives (claims, stops, timeouts).
import { bootstrap } from "@/lib/config/bootstrap"
import { logger } from "@/lib/logger"

import { orchestratorWorkers } from "./registry"
import { closeOnSignals, startWorkers } from "./run-worker"

const env = await bootstrap("worker")
const workers = await startWorkers(orchestratorWorkers(env))
closeOnSignals(workers)
logger.info({ workers: workers.map((w) => w.name), syncEveryMs: env.MEETINGS_SYNC_INTERVAL_MS }, "workers running")
