// The agent's registration of its slots against the real database: NUMBER_LIVES lowered disables the
// slots above it, raised again enables them back at the next start; a slot disabled by hand stays so.
import { describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("streamers")
})

import { db } from "@/lib/db"

import { registerSlots } from "./register-slots"

// Servers of their own in the "streamers" database (reconcile-slots uses server 7, check-agents 5 and 6).
function agentEnv(serverNumber: number, numberLives: number) {
  return { SERVER_NUMBER: serverNumber, NUMBER_LIVES: numberLives, SERVER_HOSTNAME: "localhost", STREAMER_BASE_DIR: "/tmp/bbb-pod-live-register-slots", STREAMER_REDIS_PORT_BASE: 6378 }
}

async function slotsOf(serverNumber: number) {
  const slots = await db.streamerSlot.findMany({ where: { serverNumber }, orderBy: { slotNumber: "asc" } })
  return slots.map((s) => ({ slot: s.slotNumber, enabled: s.isEnabled, byAgent: s.disabledByAgent, seen: s.agentSeenAt !== null }))
}

describe("registerSlots", () => {
  it("disables the slots above a lowered NUMBER_LIVES and enables them again when it is raised", async () => {
    const ids = await registerSlots(agentEnv(3, 3))
    expect(ids).toHaveLength(3)
    expect(await slotsOf(3)).toEqual([1, 2, 3].map((slot) => ({ slot, enabled: true, byAgent: false, seen: true })))

    await registerSlots(agentEnv(3, 1))
    expect(await slotsOf(3)).toEqual([
      { slot: 1, enabled: true, byAgent: false, seen: true },
      { slot: 2, enabled: false, byAgent: true, seen: false },
      { slot: 3, enabled: false, byAgent: true, seen: false },
    ])

    await registerSlots(agentEnv(3, 2))
    expect(await slotsOf(3)).toEqual([
      { slot: 1, enabled: true, byAgent: false, seen: true },
      { slot: 2, enabled: true, byAgent: false, seen: true },
      { slot: 3, enabled: false, byAgent: true, seen: false },
    ])

    expect(await registerSlots(agentEnv(3, 3))).toEqual(ids) // the same rows, not new ones
    expect(await slotsOf(3)).toEqual([1, 2, 3].map((slot) => ({ slot, enabled: true, byAgent: false, seen: true })))
  })

  it("never enables a slot disabled by hand, in range or above it", async () => {
    await registerSlots(agentEnv(4, 3))
    await db.streamerSlot.updateMany({ where: { serverNumber: 4, slotNumber: { in: [2, 3] } }, data: { isEnabled: false } })

    await registerSlots(agentEnv(4, 2)) // slot 3, above, was already disabled by hand: it stays the operator's
    await registerSlots(agentEnv(4, 3))
    expect(await slotsOf(4)).toEqual([
      { slot: 1, enabled: true, byAgent: false, seen: true },
      { slot: 2, enabled: false, byAgent: false, seen: true },
      { slot: 3, enabled: false, byAgent: false, seen: true },
    ])

    await db.streamerSlot.updateMany({ where: { serverNumber: 4 }, data: { isEnabled: true } }) // the operator enables them
    await registerSlots(agentEnv(4, 3))
    expect((await slotsOf(4)).map((s) => s.enabled)).toEqual([true, true, true])
  })
})
