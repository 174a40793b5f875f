// "Réaliser un direct" (domain flow 4), enforced on the server: lives enabled, the requester is a
// matched moderator of a running meeting, the cap BBB_NUMBER_MAX_LIVES is not reached, and at most
// one active live per meeting (a double click or a re-post returns the existing live). The row is
// written first, then the orchestrator is signalled at once; if Redis is down the request stays
// saved (REQUESTED) and the orchestrator picks it up when it scans for pending lives.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishChange } from "@/lib/events/change-feed"
import { Prisma, type User } from "@/lib/generated/prisma/client"
import { logger } from "@/lib/logger"
import { getProducerRedis } from "@/lib/redis"

import { isLiveCapReached } from "./is-live-cap-reached"
import { enqueueLiveRequested } from "./jobs"
import type { RequestLiveInput } from "./schemas"

const LIVE_CAP_LOCK_KEY = 4_242_002 // serialises "count active lives, then insert" across requests

export type RequestLiveResult = { liveId: number; created: boolean; signalled: boolean }

export async function requestLive(input: RequestLiveInput, user: Pick<User, "id">): Promise<RequestLiveResult> {
  const env = getEnv()
  if (!env.USE_BBB_LIVE) throw new AppError("LIVES_DISABLED")

  let result: { liveId: number; created: boolean }
  try {
    result = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LIVE_CAP_LOCK_KEY})`
      const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true, endedAt: true, isBreakout: true } })
      if (!meeting) throw new AppError("NOT_FOUND")
      const moderator = await tx.attendee.findFirst({
        where: { meetingId: meeting.id, role: "MODERATOR", userId: user.id },
        select: { id: true },
      })
      if (!moderator) throw new AppError("NOT_A_MODERATOR")
      if (meeting.endedAt) throw new AppError("MEETING_NOT_RUNNING")
      const existing = await tx.live.findUnique({ where: { activeMeetingId: meeting.id }, select: { id: true } })
      if (existing) return { liveId: existing.id, created: false }
      if (await isLiveCapReached(tx)) throw new AppError("LIVE_CAP_REACHED")
      const live = await tx.live.create({
        data: {
          meetingId: meeting.id,
          activeMeetingId: meeting.id,
          requestedById: user.id,
          isRestricted: input.isRestricted,
          showChat: input.showChat,
          downloadMeeting: env.USE_BBB_LIVE_DOWNLOADING && input.downloadMeeting,
          enableChat: input.enableChat,
        },
        select: { id: true },
      })
      return { liveId: live.id, created: true }
    })
  } catch (error) {
    // The unique active_meeting_id is the last line of defence against a concurrent request.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.live.findUnique({ where: { activeMeetingId: input.meetingId }, select: { id: true } })
      if (existing) return { liveId: existing.id, created: false, signalled: true }
    }
    throw error
  }

  if (!result.created) return { ...result, signalled: true }
  let signalled = true
  try {
    await enqueueLiveRequested(result.liveId)
  } catch (error) {
    signalled = false
    logger.error({ err: error, liveId: result.liveId }, "live saved but the orchestrator could not be signalled (Redis down?)")
  }
  await publishChange(getProducerRedis(), "lives", { liveId: result.liveId }).catch(() => undefined)
  logger.info({ liveId: result.liveId, meetingId: input.meetingId, userId: user.id, signalled }, "live requested")
  return { ...result, signalled }
}
