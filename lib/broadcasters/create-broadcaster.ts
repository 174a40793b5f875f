// An admin creates a broadcaster ("diffuseur"), e.g. for a stream that does not come from a live.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"

import { adminBroadcasterSelect, broadcasterAuditValues, type AdminBroadcaster } from "./broadcaster-fields"
import { broadcasterData, writeCheckedBroadcaster } from "./broadcaster-write"
import type { BroadcasterInput } from "./schemas"

export async function createBroadcaster(input: BroadcasterInput, actor: AuditActor): Promise<AdminBroadcaster> {
  const values = broadcasterData(input)
  return db.$transaction((tx) =>
    writeCheckedBroadcaster(tx, input, values.slug, null, async () => {
      const created = await tx.broadcaster.create({ data: values, select: adminBroadcasterSelect })
      await recordAuditEntry(tx, actor, { action: "broadcaster.create", entity: { type: "broadcaster", id: created.id }, after: broadcasterAuditValues(created) })
      return created
    }),
  )
}
