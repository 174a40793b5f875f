// How many slots could take a live right now (enabled, free, their agent alive): a requested live
// with none to take "waits for a free streamer", which the teacher is told.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export async function countFreeSlots(): Promise<number> {
  const agentAliveSince = new Date(Date.now() - 3 * getEnv().AGENT_TICK_MS)
  return db.streamerSlot.count({ where: { isEnabled: true, currentLiveId: null, agentSeenAt: { gte: agentAliveSince } } })
}
