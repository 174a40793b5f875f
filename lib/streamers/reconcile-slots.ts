// The agent's reconciliation (at start and every AGENT_TICK_MS): brings its server's slots, lives,
// broadcasters and running streamers back into agreement, whatever happened meanwhile (agent killed
// mid-start or mid-stop, lost jobs, a streamer that died or stalled):
//   - a streamer running on a slot that holds no live (or another live) is an orphan: stopped;
//   - STARTING: started again (idempotent), or FAILED once it is older than the transition timeout;
//   - RUNNING: a streamer that exited, or whose HLS playlist has not advanced for STREAMER_HLS_STALL_MS,
//     is restarted once, then the live FAILS;
//   - STOPPING: stopped again (idempotent).
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { logger } from "@/lib/logger"

import type { StreamerDriver, StreamerSlotRef } from "./driver"
import { failLive } from "./fail-live"
import { isLiveBusy, withLiveLock } from "./live-locks"
import { findLiveOnSlot, slotRef, streamerSpec, type LiveOnSlot } from "./live-on-slot"
import { readHlsProgress } from "./read-hls-progress"
import { touchAgent } from "./register-slots"
import { startStreamer, type LiveNoticePoster } from "./start-streamer"
import { stopStreamer } from "./stop-streamer"

export type ReconcileDeps = { serverNumber: number; driver: StreamerDriver; readProgress?: (url: string) => Promise<number | null>; notice?: LiveNoticePoster }

export async function reconcileSlots(deps: ReconcileDeps): Promise<void> {
  await touchAgent(deps.serverNumber)
  const slots = await db.streamerSlot.findMany({
    where: { serverNumber: deps.serverNumber },
    select: { id: true, serverNumber: true, slotNumber: true, workdir: true, redisPort: true, redisChannel: true, currentLiveId: true },
    orderBy: { slotNumber: "asc" },
  })
  for (const slot of slots) {
    const liveId = slot.currentLiveId
    try {
      if (liveId === null) await stopOrphan(slotRef(slot), null, deps.driver)
      else if (!isLiveBusy(liveId)) await withLiveLock(liveId, () => reconcileLive(liveId, deps))
    } catch (err) {
      logger.error({ err, slot: `${slot.serverNumber}/${slot.slotNumber}`, liveId }, "reconciliation of a slot failed; next tick tries again")
    }
  }
}

async function stopOrphan(slot: StreamerSlotRef, expectedLiveId: number | null, driver: StreamerDriver): Promise<void> {
  const state = await driver.inspect(slot)
  if (!state.running || (expectedLiveId !== null && state.liveId === expectedLiveId)) return
  logger.warn({ slot: `${slot.serverNumber}/${slot.slotNumber}`, runningLive: state.liveId }, "orphan streamer found: stopping it")
  await driver.stop(slot)
}

async function reconcileLive(liveId: number, deps: ReconcileDeps): Promise<void> {
  const env = getEnv()
  const live = await findLiveOnSlot(liveId)
  if (!live?.slot || live.slot.serverNumber !== deps.serverNumber) return
  const age = Date.now() - live.statusChangedAt.getTime()
  switch (live.status) {
    case "STARTING":
      if (age > env.STREAMER_TRANSITION_TIMEOUT_MS) await failLive({ liveId, reason: "START_TIMEOUT", driver: deps.driver })
      else await startStreamer({ liveId, serverNumber: deps.serverNumber, driver: deps.driver, notice: deps.notice })
      return
    case "STOPPING":
      await stopStreamer({ liveId, serverNumber: deps.serverNumber, driver: deps.driver, notice: deps.notice })
      return
    case "RUNNING":
      await checkRunning(live, deps)
      return
    default:
      // A slot pointing at an ended live (should not happen): free it and stop what runs there.
      await db.streamerSlot.updateMany({ where: { id: live.slot.id, currentLiveId: liveId }, data: { currentLiveId: null } })
      await stopOrphan(slotRef(live.slot), null, deps.driver)
  }
}

async function checkRunning(live: LiveOnSlot, deps: ReconcileDeps): Promise<void> {
  const env = getEnv()
  const slot = slotRef(live.slot!)
  const state = await deps.driver.inspect(slot)
  if (!state.running || (state.liveId !== null && state.liveId !== live.id)) {
    await restartOrFail(live, "STREAMER_EXITED", deps)
    return
  }
  if (env.STREAMER_HLS_STALL_MS === 0 || !live.broadcaster) return
  const progress = await (deps.readProgress ?? readHlsProgress)(live.broadcaster.hlsUrl)
  const now = new Date()
  if (progress !== null && progress !== live.hlsSequence) {
    await db.live.updateMany({ where: { id: live.id, status: "RUNNING" }, data: { hlsSequence: progress, hlsAdvancedAt: now } })
    return
  }
  const since = (live.hlsAdvancedAt ?? live.streamerStartedAt ?? live.statusChangedAt).getTime()
  if (now.getTime() - since > env.STREAMER_HLS_STALL_MS) await restartOrFail(live, "STREAM_STALLED", deps)
}

async function restartOrFail(live: LiveOnSlot, reason: "STREAMER_EXITED" | "STREAM_STALLED", deps: ReconcileDeps): Promise<void> {
  if (live.restartCount >= 1) {
    await failLive({ liveId: live.id, reason, driver: deps.driver })
    return
  }
  logger.warn({ liveId: live.id, reason }, "restarting a live's streamer (once)")
  const slot = slotRef(live.slot!)
  await deps.driver.stop(slot)
  await db.live.updateMany({ where: { id: live.id, status: "RUNNING" }, data: { restartCount: { increment: 1 }, hlsAdvancedAt: new Date(), hlsSequence: null } })
  try {
    await deps.driver.start(streamerSpec(live))
  } catch (error) {
    await failLive({ liveId: live.id, reason, detail: (error as Error).message, driver: deps.driver })
  }
}
