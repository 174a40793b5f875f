// The streamer agents as the database sees them: each agent stamps its slots' agentSeenAt when it
// registers and at every tick (register-slots.ts), so a server whose stamps are older than three ticks
// has no agent running, and its slots receive no live (claim-slots.ts uses the same rule).
import type { Env } from "@/lib/config/env"
import { db } from "@/lib/db"

export type StreamerAgentStatus = {
  serverNumber: number
  /** Slots registered for this server (0: its agent never started). */
  slots: number
  enabledSlots: number
  /** Disabled slots that the agent did not disable itself (by hand, in the database): it never enables them. */
  slotsDisabledByHand: number
  busySlots: number
  lastSeenAt: Date | null
  alive: boolean
}

/** The moment after which an agent's stamp counts as alive: three ticks. */
export function agentAliveSince(env: Pick<Env, "AGENT_TICK_MS">, now = new Date()): Date {
  return new Date(now.getTime() - 3 * env.AGENT_TICK_MS)
}

/** One line per streamer server 1..NUMBER_SERVERS (plus any other server that registered slots). */
export async function listStreamerAgents(env: Pick<Env, "NUMBER_SERVERS" | "AGENT_TICK_MS">, now = new Date()): Promise<StreamerAgentStatus[]> {
  const slots = await db.streamerSlot.findMany({ select: { serverNumber: true, isEnabled: true, disabledByAgent: true, currentLiveId: true, agentSeenAt: true } })
  const servers = new Set<number>(Array.from({ length: env.NUMBER_SERVERS }, (_, i) => i + 1))
  for (const slot of slots) servers.add(slot.serverNumber)
  const aliveSince = agentAliveSince(env, now)
  return [...servers]
    .sort((a, b) => a - b)
    .map((serverNumber) => {
      const own = slots.filter((s) => s.serverNumber === serverNumber)
      const seen = own.map((s) => s.agentSeenAt).filter((d): d is Date => d !== null)
      const lastSeenAt = seen.length ? new Date(Math.max(...seen.map((d) => d.getTime()))) : null
      return {
        serverNumber,
        slots: own.length,
        enabledSlots: own.filter((s) => s.isEnabled).length,
        slotsDisabledByHand: own.filter((s) => !s.isEnabled && !s.disabledByAgent).length,
        busySlots: own.filter((s) => s.currentLiveId !== null).length,
        lastSeenAt,
        alive: lastSeenAt !== null && lastSeenAt >= aliveSince,
      }
    })
}
