// Where each slot of a streamer server lives (domain.md "Streamer slot"): slot N uses the chat redis
// published on host port 6378+N (STREAMER_REDIS_PORT_BASE + N), channel chatN, and its own folder bbb-live-streaming<N>/.
import path from "node:path"

import type { Env } from "@/lib/config/env"

export type SlotLayout = {
  serverNumber: number
  slotNumber: number
  hostname: string
  redisPort: number
  redisChannel: string
  workdir: string
}

export function slotLayout(env: Pick<Env, "SERVER_HOSTNAME" | "STREAMER_BASE_DIR" | "STREAMER_REDIS_PORT_BASE">, serverNumber: number, slotNumber: number): SlotLayout {
  return {
    serverNumber,
    slotNumber,
    hostname: env.SERVER_HOSTNAME,
    redisPort: env.STREAMER_REDIS_PORT_BASE + slotNumber,
    redisChannel: `chat${slotNumber}`,
    workdir: path.resolve(env.STREAMER_BASE_DIR, `bbb-live-streaming${slotNumber}`),
  }
}

/** "server/slot" as the original showed it, e.g. "1/2". */
export function slotLabel(slot: { serverNumber: number; slotNumber: number }): string {
  return `${slot.serverNumber}/${slot.slotNumber}`
}
