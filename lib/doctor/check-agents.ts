// Doctor: each streamer server (1..NUMBER_SERVERS) has its agent alive (its slots' heartbeat in the
// database is fresher than three AGENT_TICK_MS), with its slots.
import type { Env } from "@/lib/config/env"
import { listStreamerAgents } from "@/lib/streamers/list-streamer-agents"

import { fail, pass, type DoctorCheck } from "./doctor-check"

function ago(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1_000)
  return seconds < 120 ? `${seconds} s ago` : `${Math.round(seconds / 60)} min ago (${date.toISOString()})`
}

export async function checkAgents(env: Pick<Env, "NUMBER_SERVERS" | "AGENT_TICK_MS">, now = new Date()): Promise<DoctorCheck[]> {
  const agents = await listStreamerAgents(env, now)
  return agents.map((agent) => {
    const check = `Streamer agent ${agent.serverNumber}`
    const start = `start the agent on streamer server ${agent.serverNumber} with SERVER_NUMBER=${agent.serverNumber} (systemctl start bbb-pod-live-agent; journalctl -u bbb-pod-live-agent says why it stopped)`
    if (agent.slots === 0) return fail(check, "never registered: no slot in the database", start)
    const slots = `${agent.enabledSlots} slot(s) enabled of ${agent.slots}, ${agent.busySlots} busy`
    if (!agent.alive) return fail(check, `no heartbeat since ${agent.lastSeenAt ? ago(agent.lastSeenAt, now) : "ever"}; ${slots}: its slots take no live`, start)
    if (agent.enabledSlots === 0) return fail(check, `alive, but ${slots}`, "enable its slots (admin, streamers) or set NUMBER_LIVES on that server")
    return pass(check, `alive (seen ${ago(agent.lastSeenAt!, now)}); ${slots}`)
  })
}
