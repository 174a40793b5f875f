// "Arrêter ce direct": an admin stops a live through the orchestrator (stopLive, STOPPED_BY_ADMIN).
// The status change and its audit entry are one transaction; the agent then stops the streamer and
// records the end (STOPPED, endedAt). A live already ended is refused; one already stopping is fine.
import type { AuditActor } from "@/lib/audit/record-audit-entry"
import { AppError } from "@/lib/errors"

import type { AdminLiveInput } from "./schemas"
import { stopLive, type StopLiveResult } from "./stop-live"

export async function stopLiveByAdmin(input: AdminLiveInput, admin: AuditActor): Promise<StopLiveResult> {
  const result = await stopLive({ liveId: input.liveId, reason: "STOPPED_BY_ADMIN", actor: admin })
  if (!result.changed && (result.status === "STOPPED" || result.status === "FAILED")) throw new AppError("LIVE_NOT_ACTIVE")
  return result
}
