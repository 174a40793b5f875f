// The orchestrator's queues: `lives` (a request, a freed slot, or the periodic scan: all run the same
// idempotent scan) and `meeting-ended` (stop the live of a meeting that ended).
import type { Job } from "bullmq"

import type { Env } from "@/lib/config/env"
import { LIVES_SCAN_SCHEDULER_ID, livesJobSchema } from "@/lib/lives/jobs"
import { stopLiveOfEndedMeeting } from "@/lib/lives/stop-live-of-ended-meeting"
import { meetingEndedJobSchema } from "@/lib/meetings/jobs"
import { QUEUES } from "@/lib/queues"
import { runLivesScan } from "@/lib/streamers/run-lives-scan"

import type { WorkerDefinition } from "./run-worker"

export function livesWorker(env: Env): WorkerDefinition {
  return {
    queue: QUEUES.lives,
    // Scans never overlap inside one orchestrator; two orchestrators are serialised by claimSlots' lock.
    concurrency: 1,
    schedules: [{ id: LIVES_SCAN_SCHEDULER_ID, every: Math.min(10_000, env.AGENT_TICK_MS), name: "scan", data: { action: "scan" } }],
    processor: async (job: Job) => {
      livesJobSchema.parse(job.data)
      const result = await runLivesScan()
      return { claimed: result.claimed.length, stopped: result.stoppedForEndedMeetings, timedOut: result.timedOut }
    },
  }
}

export function meetingEndedWorker(): WorkerDefinition {
  return {
    queue: QUEUES.meetingEnded,
    concurrency: 4,
    processor: async (job: Job) => stopLiveOfEndedMeeting(meetingEndedJobSchema.parse(job.data)),
  }
}
