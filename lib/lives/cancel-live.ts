// A teacher stops their live from the page: a cancellation while it waits or starts, a real stop of
// the streamer once on air (stopLive records which: CANCELLED_BY_TEACHER or STOPPED_BY_TEACHER). The
// requester, any matched moderator of the meeting, and admins may; nobody else.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import type { User } from "@/lib/generated/prisma/client"

import type { CancelLiveInput } from "./schemas"
import { stopLive, type StopLiveResult } from "./stop-live"

export async function cancelLive(input: CancelLiveInput, user: Pick<User, "id" | "role">): Promise<StopLiveResult> {
  const live = await db.live.findUnique({ where: { id: input.liveId }, select: { id: true, requestedById: true, meetingId: true } })
  if (!live) throw new AppError("NOT_FOUND")
  if (user.role !== "ADMIN" && live.requestedById !== user.id) {
    const moderator = await db.attendee.count({ where: { meetingId: live.meetingId, role: "MODERATOR", userId: user.id } })
    if (moderator === 0) throw new AppError("FORBIDDEN")
  }
  return stopLive({ liveId: live.id, reason: user.role === "ADMIN" && live.requestedById !== user.id ? "STOPPED_BY_ADMIN" : "STOPPED_BY_TEACHER" })
}
