// An admin deletes an ended live (its chat goes with it; a draft video made from it stays). An
// active live is refused with its reason: it must be stopped first, through the orchestrator.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { ACTIVE_LIVE_STATUSES, type AdminLiveInput } from "./schemas"

export async function deleteLive(input: AdminLiveInput, admin: AuditActor): Promise<{ liveId: number }> {
  return db.$transaction(async (tx) => {
    const live = await tx.live.findUnique({
      where: { id: input.liveId },
      select: {
        id: true,
        status: true,
        meetingId: true,
        requestedById: true,
        requestedAt: true,
        startedAt: true,
        endedAt: true,
        serverLabel: true,
        failureReason: true,
        stopReason: true,
        isRestricted: true,
        showChat: true,
        downloadMeeting: true,
        enableChat: true,
        meeting: { select: { name: true } },
      },
    })
    if (!live) throw new AppError("NOT_FOUND")
    // Guarded: a live that became active meanwhile (it cannot, once ended, but the rule is the database's) is kept.
    const deleted = await tx.live.deleteMany({ where: { id: live.id, status: { notIn: [...ACTIVE_LIVE_STATUSES] } } })
    if (deleted.count === 0) throw new AppError("LIVE_STILL_ACTIVE", { details: { liveId: live.id, status: live.status } })
    const { meeting, ...values } = live
    await recordAuditEntry(tx, admin, { action: "live.delete", entity: { type: "live", id: live.id }, before: { ...values, meetingName: meeting.name } })
    return { liveId: live.id }
  })
}
