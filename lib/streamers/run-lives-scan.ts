// The orchestrator's scan, run on every `lives` job (a request, a freed slot) and every few seconds
// by a scheduler, so a request whose job was lost (Redis down at request time) still starts:
//   1. active lives whose meeting has ended stop (a lost meeting-ended job changes nothing);
//   2. free slots go to waiting lives (claimSlots) and each server's agent is told;
//   3. lives stuck STARTING or STOPPING on a server whose agent is gone are ended, so they do not hold
//      a slot and the cap forever (the agent stops any orphan streamer when it comes back).
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { publishChange } from "@/lib/events/change-feed"
import { STOPPABLE_LIVE_STATUSES } from "@/lib/lives/live-statuses"
import { releaseLive } from "@/lib/lives/release-live"
import { stopLive } from "@/lib/lives/stop-live"
import { enqueueStreamerJob } from "@/lib/lives/streamer-jobs"
import { logger } from "@/lib/logger"
import { getProducerRedis } from "@/lib/redis"

import { claimSlots, type SlotClaim } from "./claim-slots"
import { failLive } from "./fail-live"

export type LivesScanResult = { claimed: SlotClaim[]; stoppedForEndedMeetings: number; timedOut: number }

export async function runLivesScan(): Promise<LivesScanResult> {
  const env = getEnv()
  const ended = await db.live.findMany({ where: { activeMeetingId: { not: null }, status: { in: [...STOPPABLE_LIVE_STATUSES] }, meeting: { endedAt: { not: null } } }, select: { id: true } })
  for (const live of ended) await stopLive({ liveId: live.id, reason: "MEETING_ENDED" })

  const claimed = await claimSlots()
  for (const claim of claimed) {
    await enqueueStreamerJob(claim.serverNumber, { action: "start", liveId: claim.liveId, generation: claim.claimedAt }).catch((err: unknown) =>
      logger.warn({ err, liveId: claim.liveId }, "slot claimed; the agent will start it at its next tick (Redis down?)"),
    )
  }
  if (claimed.length > 0) await publishChange(getProducerRedis(), "lives", { claimed: claimed.length }).catch(() => undefined)

  const stuckBefore = new Date(Date.now() - env.STREAMER_TRANSITION_TIMEOUT_MS)
  const agentGoneBefore = new Date(Date.now() - 3 * env.AGENT_TICK_MS)
  const stuck = await db.live.findMany({
    where: {
      status: { in: ["STARTING", "STOPPING"] },
      statusChangedAt: { lt: stuckBefore },
      slot: { OR: [{ agentSeenAt: null }, { agentSeenAt: { lt: agentGoneBefore } }] },
    },
    select: { id: true, status: true },
  })
  for (const live of stuck) {
    if (live.status === "STARTING") await failLive({ liveId: live.id, reason: "AGENT_UNREACHABLE" })
    else await forceStopped(live.id)
  }
  if (claimed.length > 0 || ended.length > 0 || stuck.length > 0) {
    logger.info({ claimed: claimed.map((c) => `${c.liveId}→${c.serverNumber}/${c.slotNumber}`), stoppedForEndedMeetings: ended.length, timedOut: stuck.length }, "lives scan")
  }
  return { claimed, stoppedForEndedMeetings: ended.length, timedOut: stuck.length }
}

/** A STOPPING live whose agent is gone: recorded as stopped (its streamer is stopped when the agent returns). */
async function forceStopped(liveId: number): Promise<void> {
  if (await releaseLive({ liveId, from: ["STOPPING"], to: "STOPPED" })) {
    logger.warn({ liveId }, "live stopped without its agent (unreachable); its streamer is stopped when the agent returns")
  }
}
