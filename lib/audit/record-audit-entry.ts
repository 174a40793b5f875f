// The audit log's one writer. Every administrative use case (lib/<domain>) calls it inside the
// transaction of its change, so a change without its audit entry (or the reverse) cannot happen.
import type { Prisma } from "@/lib/generated/prisma/client"

/** The signed-in admin (CurrentUser fits). */
export type AuditActor = { id: number; firstName: string; lastName: string }
export type AuditValues = Record<string, unknown>

export type AuditChange = {
  /** "<entity>.<verb>", e.g. "live.update", "live.stop", "attendee.assign", "user.create". */
  action: string
  entity: { type: string; id: number | string }
  /** Values before the change (omit for a creation); only `changedFields` are kept when both are given. */
  before?: AuditValues | null
  /** Values after the change (omit for a deletion). */
  after?: AuditValues | null
}

/** JSON-safe copy: dates as ISO strings, undefined dropped. */
function toJson(values: AuditValues): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(values)) as Prisma.InputJsonObject
}

/** The fields whose value differs between `before` and `after`, as two objects holding only those. */
export function changedFields(before: AuditValues, after: AuditValues): { before: AuditValues; after: AuditValues } {
  const b: AuditValues = {}
  const a: AuditValues = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    b[key] = before[key]
    a[key] = after[key]
  }
  return { before: b, after: a }
}

/** Writes the entry; a save that changed nothing (before and after given and equal) writes none. */
export async function recordAuditEntry(tx: Prisma.TransactionClient, actor: AuditActor, change: AuditChange): Promise<void> {
  let { before, after } = change
  if (before && after) {
    ;({ before, after } = changedFields(before, after))
    if (Object.keys(after).length === 0) return
  }
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorName: `${actor.firstName} ${actor.lastName}`.trim(),
      action: change.action,
      entityType: change.entity.type,
      entityId: String(change.entity.id),
      before: before ? toJson(before) : undefined,
      after: after ? toJson(after) : undefined,
    },
  })
}
