// A streamer agent's queue (`streamer-<SERVER_NUMBER>`): start or stop one live's streamer on this
// server, and the reconciliation tick. Each live is handled by one operation at a time.
import type { Job } from "bullmq"

import { postLiveNotice } from "@/lib/chat/post-live-notice"
import type { Env } from "@/lib/config/env"
import { streamerQueue } from "@/lib/queues"
import type { StreamerDriver } from "@/lib/streamers/driver"
import { agentTickSchedulerId, streamerJobSchema } from "@/lib/lives/streamer-jobs"
import { withLiveLock } from "@/lib/streamers/live-locks"
import { reconcileSlots } from "@/lib/streamers/reconcile-slots"
import { startStreamer } from "@/lib/streamers/start-streamer"
import { stopStreamer } from "@/lib/streamers/stop-streamer"

import type { WorkerDefinition } from "./run-worker"

/** The on-air notice waits up to a minute for the streamer's chat bot to join the room. */
const ON_AIR_NOTICE_RETRY_MS = 60_000

const notice = (liveId: number, kind: "on-air" | "off-air") => postLiveNotice(liveId, kind, kind === "on-air" ? { retryForMs: ON_AIR_NOTICE_RETRY_MS } : {})

export function streamerWorker(env: Env, driver: StreamerDriver): WorkerDefinition {
  const serverNumber = env.SERVER_NUMBER
  return {
    queue: streamerQueue(serverNumber),
    concurrency: env.NUMBER_LIVES + 1,
    schedules: [{ id: agentTickSchedulerId(serverNumber), every: env.AGENT_TICK_MS, name: "tick", data: { action: "tick" } }],
    processor: async (job: Job) => {
      const data = streamerJobSchema.parse(job.data)
      if (data.action === "tick") return reconcileSlots({ serverNumber, driver, notice })
      const run = data.action === "start" ? startStreamer : stopStreamer
      return withLiveLock(data.liveId, () => run({ liveId: data.liveId, serverNumber, driver, notice }))
    },
  }
}
