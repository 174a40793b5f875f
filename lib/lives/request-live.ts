// "Réaliser un direct" (domain flow 4), enforced on the server by the one eligibility rule
// (live-request-eligibility.ts: lives enabled, a matched moderator of a running meeting, the cap
// BBB_NUMBER_MAX_LIVES), under a lock so two requests never both pass the cap; at most one active
// live per meeting (a double click or a re-post returns the existing live). The row is
// written first, then the orchestrator is signalled at once; if Redis is down the request stays
// saved (REQUESTED) and the orchestrator picks it up when it scans for pending lives.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { publishChange } from "@/lib/events/change-feed"
import { Prisma, type User } from "@/lib/generated/prisma/client"
import { logger } from "@/lib/logger"
import { getProducerRedis } from "@/lib/redis"

import { enqueueLiveRequested } from "./jobs"
import { getLiveRequestEligibility } from "./live-request-eligibility"
import type { RequestLiveInput } from "./schemas"

const LIVE_CAP_LOCK_KEY = 4_242_002 // serialises "count active lives, then insert" across requests

/**
 * Requests are serialised by the cap's lock: at the top of the hour a burst of them queues for the
 * pool's connections, each holding one for a few milliseconds. Prisma's default 2 s wait for a
 * connection refused the tail of a burst of 100 on a loaded host; a request waits its turn instead.
 */
const REQUEST_TRANSACTION = { maxWait: 15_000, timeout: 15_000 }

export type RequestLiveResult = { liveId: number; created: boolean; signalled: boolean }

export async function requestLive(input: RequestLiveInput, user: Pick<User, "id">): Promise<RequestLiveResult> {
  const env = getEnv()
  let result: { liveId: number; created: boolean }
  try {
    result = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LIVE_CAP_LOCK_KEY})`
      const eligibility = await getLiveRequestEligibility({ meetingId: input.meetingId, userId: user.id }, tx)
      // A re-post or a double click returns the live it already made.
      if (eligibility.refusal === "LIVE_ALREADY_ACTIVE" && eligibility.activeLiveId !== null) return { liveId: eligibility.activeLiveId, created: false }
      if (eligibility.refusal) throw new AppError(eligibility.refusal)
      const live = await tx.live.create({
        data: {
          meetingId: input.meetingId,
          activeMeetingId: input.meetingId,
          requestedById: user.id,
          isRestricted: input.isRestricted,
          showChat: input.showChat,
          downloadMeeting: env.USE_BBB_LIVE_DOWNLOADING && input.downloadMeeting,
          enableChat: input.enableChat,
          // Without bbb-webhooks the form's box is disabled (sends nothing): the default stays for when they come.
          showRoomChat: env.BBB_WEBHOOKS_SERVERS.length > 0 ? input.showRoomChat : undefined,
        },
        select: { id: true },
      })
      return { liveId: live.id, created: true }
    }, REQUEST_TRANSACTION)
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
