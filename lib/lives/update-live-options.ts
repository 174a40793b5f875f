// An admin changes a live's options (restricted, public chat shown, recorded, chat enabled, the BBB
// room's messages on the page), never the orchestrator's own fields. The change and its audit entry
// are one transaction. Without bbb-webhooks the room-messages box is disabled (sends nothing): the
// live keeps its value.
import { z } from "zod"

import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import type { UpdateLiveOptionsInput } from "./schemas"

const OPTIONS = { isRestricted: true, showChat: true, downloadMeeting: true, enableChat: true, showRoomChat: true } as const

export async function updateLiveOptions(input: UpdateLiveOptionsInput, admin: AuditActor): Promise<{ liveId: number; changed: boolean }> {
  // Like requestLive: a live is recorded only where the platform records lives. A field error (the
  // form shows it under its checkbox), not a silent "false".
  if (input.downloadMeeting && !getEnv().USE_BBB_LIVE_DOWNLOADING) {
    throw new z.ZodError([{ code: "custom", path: ["downloadMeeting"], message: "recordingDisabled", input: input.downloadMeeting }])
  }
  const { liveId, ...asked } = input
  const roomChatAvailable = getEnv().BBB_WEBHOOKS_SERVERS.length > 0
  return db.$transaction(async (tx) => {
    const before = await tx.live.findUnique({ where: { id: liveId }, select: OPTIONS })
    if (!before) throw new AppError("NOT_FOUND")
    const options = roomChatAvailable ? asked : { ...asked, showRoomChat: before.showRoomChat }
    const changed = (Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]).some((key) => before[key] !== options[key])
    if (!changed) return { liveId, changed: false }
    await tx.live.update({ where: { id: liveId }, data: options })
    await recordAuditEntry(tx, admin, { action: "live.update", entity: { type: "live", id: liveId }, before, after: options })
    return { liveId, changed: true }
  })
}
