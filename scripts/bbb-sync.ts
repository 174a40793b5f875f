// npm run bbb:sync — one meeting sync now (the original's `manage.py bbb main`). Exits non-zero with
// a clear message when BigBlueButton (or the database) fails; nothing is changed then.
import { loadDotEnv } from "@/lib/config/load-dotenv"

loadDotEnv()
const { getEnv } = await import("@/lib/config/env")
let env
try {
  env = getEnv()
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
const { getBbbClient } = await import("@/lib/bbb/get-bbb-client")
const { runMeetingsSync } = await import("@/lib/meetings/run-meetings-sync")
const { createRedis } = await import("@/lib/redis")
const { db } = await import("@/lib/db")
const redis = createRedis("worker")
const queueConnection = createRedis("worker")
let code = 0
try {
  const result = await runMeetingsSync({ source: getBbbClient(), redis, queue: { connection: queueConnection } })
  if (result.skipped) console.log("Another sync is running; nothing done.")
  else
    console.log(
      `Synced ${result.meetings} running meeting(s) from ${new URL(env.BBB_SERVER_URL).host}: ` +
        `${result.changed} new or changed, ${result.unchanged} unchanged, ${result.endedMeetingIds.length} ended, ` +
        `${result.attendeesWritten} attendee(s) written, ${result.matchesChanged} match(es) changed ` +
        `in ${Math.round(result.timings.totalMs)} ms.`,
    )
} catch (error) {
  const e = error as Error & { code?: string }
  console.error(`Meeting sync failed${e.code ? ` (${e.code})` : ""}: ${e.message}\nNothing was changed.`)
  code = 1
} finally {
  redis.disconnect()
  queueConnection.disconnect()
  await db.$disconnect()
}
process.exit(code)
