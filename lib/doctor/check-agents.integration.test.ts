// The doctor's line for an alive streamer agent without any enabled slot: its fix says what gives the
// slots back (a restart of the agent with NUMBER_LIVES; SQL for slots disabled by hand).
import { describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("streamers")
})

import { db } from "@/lib/db"
import { registerSlots } from "@/lib/streamers/register-slots"

import { checkAgents } from "./check-agents"

// Servers of their own in the "streamers" database (reconcile-slots uses 7, register-slots 3 and 4).
const agentEnv = (serverNumber: number) => ({ SERVER_NUMBER: serverNumber, NUMBER_LIVES: 2, SERVER_HOSTNAME: "localhost", STREAMER_BASE_DIR: "/tmp/bbb-pod-live-check-agents", STREAMER_REDIS_PORT_BASE: 6378 })
const doctorEnv = { NUMBER_SERVERS: 1, AGENT_TICK_MS: 60_000 }

async function agentLine(serverNumber: number) {
  const checks = await checkAgents(doctorEnv)
  return checks.find((c) => c.check === `Streamer agent ${serverNumber}`)
}

describe("checkAgents, an alive agent without an enabled slot", () => {
  it("tells to restart the agent with NUMBER_LIVES when the agent disabled its slots itself, and passes after", async () => {
    await registerSlots(agentEnv(5))
    // What an agent from before disabledByAgent left (the migration marks its disabled slots as the agent's).
    await db.streamerSlot.updateMany({ where: { serverNumber: 5 }, data: { isEnabled: false, disabledByAgent: true } })
    expect(await agentLine(5)).toMatchObject({
      status: "FAIL",
      detail: "alive, but 0 slot(s) enabled of 2, 0 busy",
      fix: "on streamer server 5, set NUMBER_LIVES to the lives it should run and restart its agent (systemctl restart bbb-pod-live-agent): at start it enables again the slots 1..NUMBER_LIVES that it had disabled itself",
    })

    await registerSlots(agentEnv(5)) // the restart
    expect(await agentLine(5)).toMatchObject({ status: "PASS", detail: expect.stringMatching(/; 2 slot\(s\) enabled of 2, 0 busy$/) })
  })

  it("gives the SQL when its slots were disabled by hand", async () => {
    await registerSlots(agentEnv(6))
    await db.streamerSlot.updateMany({ where: { serverNumber: 6 }, data: { isEnabled: false } })
    expect(await agentLine(6)).toMatchObject({
      status: "FAIL",
      fix: "2 of its slots were disabled by hand in the database, and neither the agent nor an admin page enables them again: UPDATE streamer_slots SET is_enabled = true WHERE server_number = 6 AND slot_number <= <NUMBER_LIVES of that server>",
    })
  })
})
