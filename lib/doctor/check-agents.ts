// Doctor: each streamer server (1..NUMBER_SERVERS) has its agent alive (its slots' heartbeat in the
// database is fresher than three AGENT_TICK_MS), with its slots.
import type { Env } from "@/lib/config/env"
import { listStreamerAgents } from "@/lib/streamers/list-streamer-agents"

import { fail, pass, type DoctorCheck } from "./doctor-check"

function ago(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1_000)
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago (${date.toISOString()})`
}

/**
 * What gives an alive agent its slots back: at start it enables the slots 1..NUMBER_LIVES that it had
 * disabled itself (register-slots.ts); one disabled by hand in the database stays so (no admin page
 * enables or disables a slot).
 */
function noEnabledSlotFix(serverNumber: number, disabledByHand: number): string {
  if (disabledByHand > 0) return `${disabledByHand} of its slots were disabled by hand in the database, and neither the agent nor an admin page enables them again: UPDATE streamer_slots SET is_enabled = true WHERE server_number = ${serverNumber} AND slot_number <= <NUMBER_LIVES of that server>`
  return `on streamer server ${serverNumber}, set NUMBER_LIVES to the lives it should run and restart its agent (systemctl restart bbb-pod-live-agent): at start it enables again the slots 1..NUMBER_LIVES that it had disabled itself`
}

export async function checkAgents(env: Pick<Env, "NUMBER_SERVERS" | "AGENT_TICK_MS">, now = new Date()): Promise<DoctorCheck[]> {
  const agents = await listStreamerAgents(env, now)
  return agents.map((agent) => {
    const check = `Streamer agent ${agent.serverNumber}`
    const start = `start the agent on streamer server ${agent.serverNumber} with SERVER_NUMBER=${agent.serverNumber} (systemctl start bbb-pod-live-agent; journalctl -u bbb-pod-live-agent says why it stopped)`
    if (agent.slots === 0) return fail(check, "never registered: no slot in the database", start)
    const slots = `${agent.enabledSlots} slot(s) enabled of ${agent.slots}, ${agent.busySlots} busy`
    if (!agent.alive) return fail(check, `no heartbeat since ${agent.lastSeenAt ? ago(agent.lastSeenAt, now) : "ever"}; ${slots}: its slots take no live`, start)
    if (agent.enabledSlots === 0) return fail(check, `alive, but ${slots}`, noEnabledSlotFix(agent.serverNumber, agent.slotsDisabledByHand))
    return pass(check, `alive (seen ${ago(agent.lastSeenAt!, now)}); ${slots}`)
  })
}
