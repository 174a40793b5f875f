// "BBB does not answer" mails the admins once per incident, not once per failed sync (every 10 s):
// a Redis key marks the open incident; the first success after it closes it with a recovery mail.
import type { Redis } from "ioredis"

import { notifyAdmins } from "@/lib/mail/notify-admins"
import { redisKey } from "@/lib/redis-keys"

export const syncIncidentKey = () => redisKey("meetings-sync", "incident")

export async function reportSyncFailure(redis: Redis, error: Error, key = syncIncidentKey()): Promise<boolean> {
  const opened = await redis.set(key, JSON.stringify({ since: new Date().toISOString(), message: error.message }), "NX")
  if (opened !== "OK") return false
  await notifyAdmins(
    "BigBlueButton sync failing",
    `The meeting sync cannot read BigBlueButton:\n\n${error.message}\n\n` +
      "Nothing was changed: meetings and lives keep their state until BigBlueButton answers again.\n" +
      "You will get one more mail when it recovers.",
  )
  return true
}

export async function reportSyncSuccess(redis: Redis, key = syncIncidentKey()): Promise<boolean> {
  const open = await redis.get(key)
  if (!open || (await redis.del(key)) !== 1) return false
  const since = (JSON.parse(open) as { since?: string }).since ?? "?"
  await notifyAdmins("BigBlueButton sync recovered", `The meeting sync reads BigBlueButton again (failing since ${since}).`)
  return true
}
