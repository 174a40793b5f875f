// An admin edits a broadcaster; its slug stays unique under the one slug rule.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { adminBroadcasterSelect, broadcasterAuditValues, type AdminBroadcaster } from "./broadcaster-fields"
import { broadcasterData, writeCheckedBroadcaster } from "./broadcaster-write"
import type { UpdateBroadcasterInput } from "./schemas"

export async function updateBroadcaster(input: UpdateBroadcasterInput, actor: AuditActor): Promise<AdminBroadcaster> {
  const values = broadcasterData(input)
  return db.$transaction(async (tx) => {
    const before = await tx.broadcaster.findUnique({ where: { id: input.broadcasterId }, select: adminBroadcasterSelect })
    if (!before) throw new AppError("NOT_FOUND")
    return writeCheckedBroadcaster(tx, input, values.slug, before.id, async () => {
      const after = await tx.broadcaster.update({ where: { id: before.id }, data: values, select: adminBroadcasterSelect })
      await recordAuditEntry(tx, actor, {
        action: "broadcaster.update",
        entity: { type: "broadcaster", id: after.id },
        before: broadcasterAuditValues(before),
        after: broadcasterAuditValues(after),
      })
      return after
    })
  })
}
