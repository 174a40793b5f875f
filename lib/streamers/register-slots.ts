// A streamer agent registers its server's slots at start (NUMBER_LIVES of them, for SERVER_NUMBER):
// created or updated from the settings, and the agent's heartbeat set. The slots above NUMBER_LIVES are
// disabled by the agent (a running live ends normally) and marked so (disabledByAgent); those that
// NUMBER_LIVES covers again at a later start are enabled again. A slot disabled by hand (isEnabled
// false, disabledByAgent false: in the database, no admin page does it) stays disabled, in range or not.
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
    // More slots configured than at the last start: those the agent had disabled itself take lives again.
    await tx.streamerSlot.updateMany({
      where: { serverNumber: env.SERVER_NUMBER, slotNumber: { lte: env.NUMBER_LIVES }, disabledByAgent: true },
      data: { isEnabled: true, disabledByAgent: false },
    })
    // Fewer slots configured than before: the extra ones take no new live (a running one ends normally).
    // Only enabled ones are marked as the agent's: one disabled by hand stays the operator's.
    await tx.streamerSlot.updateMany({
      where: { serverNumber: env.SERVER_NUMBER, slotNumber: { gt: env.NUMBER_LIVES }, isEnabled: true },
      data: { isEnabled: false, disabledByAgent: true },
    })
    await tx.streamerSlot.updateMany({
      where: { serverNumber: env.SERVER_NUMBER, slotNumber: { gt: env.NUMBER_LIVES } },
      data: { agentSeenAt: null },
    })
  })
  return ids
}

/** The agent is alive: its slots may receive lives. */
export async function touchAgent(serverNumber: number): Promise<void> {
  await db.streamerSlot.updateMany({ where: { serverNumber }, data: { agentSeenAt: new Date() } })
}
