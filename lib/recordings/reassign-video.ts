// An admin gives a video to another account (by username or email), audited: how a recording the
// migration gave to SCRIPT_ADMIN_ID reaches its teacher. A student account cannot own videos.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { reassignVideoInputSchema } from "./schemas"

export async function reassignVideo(input: { id: unknown; owner: unknown }, admin: AuditActor): Promise<{ title: string; ownerName: string }> {
  const { id, owner } = reassignVideoInputSchema.parse(input)
  return db.$transaction(async (tx) => {
    const video = await tx.draftVideo.findFirst({ where: { id, deletedAt: null }, select: { id: true, title: true, ownerId: true } })
    if (!video) throw new AppError("NOT_FOUND", { message: `no video ${id}` })
    const target = await tx.user.findFirst({
      where: { OR: [{ username: owner }, { email: { equals: owner, mode: "insensitive" } }], isActive: true, role: { in: ["TEACHER", "ADMIN"] } },
      select: { id: true, username: true, firstName: true, lastName: true },
    })
    if (!target) throw new AppError("INVALID_INPUT", { message: `no active teacher ${owner}`, details: { field: "owner" } })
    if (target.id !== video.ownerId) {
      await tx.draftVideo.update({ where: { id }, data: { ownerId: target.id } })
      await recordAuditEntry(tx, admin, { action: "video.reassign", entity: { type: "video", id }, before: { ownerId: video.ownerId }, after: { ownerId: target.id, owner: target.username } })
    }
    return { title: video.title, ownerName: `${target.firstName} ${target.lastName}` }
  })
}
