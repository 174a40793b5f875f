// A teacher stops their live from the page: a cancellation while it waits or starts, a real stop of
// the streamer once on air (stopLive records which: CANCELLED_BY_TEACHER or STOPPED_BY_TEACHER). Who
// may is mayCancelLive's rule: the requester, any matched moderator of the meeting, and admins.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { User } from "@/lib/generated/prisma/client"

import { mayCancelLive } from "./may-cancel-live"
import type { CancelLiveInput } from "./schemas"
import { stopLive, type StopLiveResult } from "./stop-live"

export async function cancelLive(input: CancelLiveInput, user: Pick<User, "id" | "role">): Promise<StopLiveResult> {
  const live = await db.live.findUnique({ where: { id: input.liveId }, select: { id: true, requestedById: true, meetingId: true } })
  if (!live) throw new AppError("NOT_FOUND")
  if (!(await mayCancelLive(user, live))) throw new AppError("FORBIDDEN")
  return stopLive({ liveId: live.id, reason: user.role === "ADMIN" && live.requestedById !== user.id ? "STOPPED_BY_ADMIN" : "STOPPED_BY_TEACHER" })
}
