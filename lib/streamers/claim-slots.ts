// Gives free slots to waiting lives (domain flow 5, "atomically claim a free slot"): oldest request
// first, under BBB_NUMBER_MAX_LIVES, only on enabled slots whose agent is alive, spreading lives over
// the servers (the least busy server first). One transaction under an advisory lock, so two
// orchestrators never hand out one slot twice; the unique slot→live key is the database's backstop,
// and the guarded status update lets a live cancelled meanwhile keep its REQUESTED→STOPPED fate.
import { randomBytes } from "node:crypto"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { PRIVATE_STREAM_PREFIX } from "@/lib/lives/hls-token"

import { slotLabel } from "./slot-layout"

const CLAIM_LOCK_KEY = 4_242_003

export type SlotClaim = { liveId: number; serverNumber: number; slotNumber: number; claimedAt: Date }

/**
 * Unguessable stream name (a restricted live must not be found by its slug); a restricted live's is
 * private: the HLS origin serves it only with a token (lib/lives/hls-token.ts). Decided when the live
 * starts: a live made restricted while on air gets private media from its next start.
 */
export function newStreamKey(liveId: number, isRestricted = false): string {
  return `${isRestricted ? PRIVATE_STREAM_PREFIX : ""}live${liveId}-${randomBytes(12).toString("hex")}`
}

export async function claimSlots(): Promise<SlotClaim[]> {
  const env = getEnv()
  const now = new Date()
  const agentAliveSince = new Date(now.getTime() - 3 * env.AGENT_TICK_MS)
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`
    const waiting = await tx.live.findMany({
      where: { status: "REQUESTED", slotId: null },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      select: { id: true, isRestricted: true },
      take: 500,
    })
    if (waiting.length === 0) return []
    const slots = await tx.streamerSlot.findMany({
      where: { isEnabled: true },
      select: { id: true, serverNumber: true, slotNumber: true, hostname: true, redisPort: true, redisChannel: true, currentLiveId: true, agentSeenAt: true },
      orderBy: [{ serverNumber: "asc" }, { slotNumber: "asc" }],
    })
    const held = await tx.streamerSlot.count({ where: { currentLiveId: { not: null } } })
    let room = env.BBB_NUMBER_MAX_LIVES - held
    const busyByServer = new Map<number, number>()
    for (const s of slots) if (s.currentLiveId !== null) busyByServer.set(s.serverNumber, (busyByServer.get(s.serverNumber) ?? 0) + 1)
    const free = slots.filter((s) => s.currentLiveId === null && s.agentSeenAt !== null && s.agentSeenAt >= agentAliveSince)

    const claims: SlotClaim[] = []
    for (const live of waiting) {
      if (room <= 0 || free.length === 0) break
      // The least busy server first, then the lowest server and slot numbers (stable, predictable).
      free.sort((a, b) => (busyByServer.get(a.serverNumber) ?? 0) - (busyByServer.get(b.serverNumber) ?? 0) || a.serverNumber - b.serverNumber || a.slotNumber - b.slotNumber)
      const slot = free[0]!
      const moved = await tx.live.updateMany({
        where: { id: live.id, status: "REQUESTED", slotId: null },
        data: {
          status: "STARTING",
          statusChangedAt: now,
          slotId: slot.id,
          serverLabel: slotLabel(slot),
          redisHost: slot.hostname,
          redisPort: slot.redisPort,
          redisChannel: slot.redisChannel,
          streamKey: newStreamKey(live.id, live.isRestricted),
        },
      })
      if (moved.count === 0) continue // cancelled meanwhile
      await tx.streamerSlot.update({ where: { id: slot.id }, data: { currentLiveId: live.id } })
      free.shift()
      busyByServer.set(slot.serverNumber, (busyByServer.get(slot.serverNumber) ?? 0) + 1)
      room -= 1
      claims.push({ liveId: live.id, serverNumber: slot.serverNumber, slotNumber: slot.slotNumber, claimedAt: now })
    }
    return claims
  })
}
