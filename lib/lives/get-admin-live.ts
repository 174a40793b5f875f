import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

import { ADMIN_LIVE_SELECT, toAdminLiveRow, type AdminLiveRow } from "./list-admin-lives"

/**
 * One live as the admins' edit page shows it: its row, whether the BBB room's messages are shown on
 * its page, and whether they can be (bbb-webhooks configured).
 */
export type AdminLiveDetail = AdminLiveRow & { showRoomChat: boolean; roomChatAvailable: boolean }

/** One live as the admins' edit page shows it, or null. */
export async function getAdminLive(liveId: number): Promise<AdminLiveDetail | null> {
  const live = await db.live.findUnique({ where: { id: liveId }, select: { ...ADMIN_LIVE_SELECT, showRoomChat: true } })
  if (!live) return null
  const { showRoomChat, ...row } = live
  return { ...toAdminLiveRow(row), showRoomChat, roomChatAvailable: getEnv().BBB_WEBHOOKS_SERVERS.length > 0 }
}
