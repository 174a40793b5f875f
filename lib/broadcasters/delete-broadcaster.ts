// An admin deletes a broadcaster, unless an active live plays through it (stop the live first).
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { adminBroadcasterSelect, broadcasterAuditValues } from "./broadcaster-fields"
import { isBroadcasterInUse } from "./is-broadcaster-in-use"
import type { DeleteBroadcasterInput } from "./schemas"

export async function deleteBroadcaster(input: DeleteBroadcasterInput, actor: AuditActor): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    // Locks the row: a live cannot take it between the check and the delete.
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM broadcasters WHERE id = ${input.broadcasterId} FOR UPDATE`
    if (!locked) throw new AppError("NOT_FOUND")
    if (await isBroadcasterInUse(input.broadcasterId, tx)) throw new AppError("BROADCASTER_IN_USE")
    const before = await tx.broadcaster.delete({ where: { id: input.broadcasterId }, select: adminBroadcasterSelect })
    await recordAuditEntry(tx, actor, { action: "broadcaster.delete", entity: { type: "broadcaster", id: before.id }, before: broadcasterAuditValues(before) })
    return { name: before.name }
  })
}
