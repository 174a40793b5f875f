// npm run worker — every background worker of the application in one process.
import { loadDotEnv } from "@/lib/config/load-dotenv"

loadDotEnv()

const { getEnv } = await import("@/lib/config/env")
const { assertServices } = await import("@/lib/health/check-services")
const { logger } = await import("@/lib/logger")

try {
  await assertServices(getEnv())
} catch (error) {
  console.error(`\nbbb-pod-live worker cannot start:\n${(error as Error).message}\n`)
  process.exit(1)
}

const { closeOnSignals } = await import("./run-worker")
const { scheduleMeetingsSync, startMeetingsPurgeWorker, startMeetingsSyncWorker } = await import("./meetings-sync")
const { startRecordingsImportWorker } = await import("./recordings-import")

await scheduleMeetingsSync()
const workers = [startMeetingsSyncWorker(), startMeetingsPurgeWorker(), startRecordingsImportWorker()]
closeOnSignals(workers)
logger.info({ workers: workers.map((w) => w.name), syncEveryMs: getEnv().MEETINGS_SYNC_INTERVAL_MS }, "workers running")
