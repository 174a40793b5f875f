// npm run bbb:sync — one meeting sync now (the original's `manage.py bbb main`). Exits non-zero with
// a clear message when BigBlueButton (or the database) fails; nothing is changed then.
import { getBbbClient } from "@/lib/bbb/get-bbb-client"
import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { runMeetingsSync } from "@/lib/meetings/run-meetings-sync"
import { closeQueues } from "@/lib/queues"
import { createRedis } from "@/lib/redis"

const env = await bootstrap("bbb:sync", { services: false })
const redis = createRedis("worker")
let code = 0
try {
  const result = await runMeetingsSync({ source: getBbbClient(), redis })
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
  await closeQueues()
  await db.$disconnect()
}
process.exit(code)
