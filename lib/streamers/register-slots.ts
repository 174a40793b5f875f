// A streamer agent registers its server's slots at start (NUMBER_LIVES of them, for SERVER_NUMBER):
// created or updated from the settings, slots beyond NUMBER_LIVES disabled (once free), and the
// agent's heartbeat set. An admin's disabling of a slot is kept.
import type { Env } from "@/lib/config/env"
import { db } from "@/lib/db"

import { slotLayout } from "./slot-layout"

export async function registerSlots(env: Pick<Env, "SERVER_NUMBER" | "NUMBER_LIVES" | "SERVER_HOSTNAME" | "STREAMER_BASE_DIR" | "STREAMER_REDIS_PORT_BASE">): Promise<number[]> {
  const now = new Date()
  const ids: number[] = []
  await db.$transaction(async (tx) => {
    for (let slotNumber = 1; slotNumber <= env.NUMBER_LIVES; slotNumber += 1) {
      const layout = slotLayout(env, env.SERVER_NUMBER, slotNumber)
      const fields = { hostname: layout.hostname, redisPort: layout.redisPort, redisChannel: layout.redisChannel, workdir: layout.workdir, agentSeenAt: now }
      const slot = await tx.streamerSlot.upsert({
        where: { serverNumber_slotNumber: { serverNumber: env.SERVER_NUMBER, slotNumber } },
        create: { serverNumber: env.SERVER_NUMBER, slotNumber, ...fields },
        update: fields,
        select: { id: true },
      })
      ids.push(slot.id)
    }
    // Fewer slots configured than before: the extra ones take no new live (a running one ends normally).
    await tx.streamerSlot.updateMany({
      where: { serverNumber: env.SERVER_NUMBER, slotNumber: { gt: env.NUMBER_LIVES } },
      data: { isEnabled: false, agentSeenAt: null },
    })
  })
  return ids
}

/** The agent is alive: its slots may receive lives. */
export async function touchAgent(serverNumber: number): Promise<void> {
  await db.streamerSlot.updateMany({ where: { serverNumber }, data: { agentSeenAt: new Date() } })
}
