import { db } from "@/lib/db"

import { ADMIN_LIVE_SELECT, toAdminLiveRow, type AdminLiveRow } from "./list-admin-lives"

/** One live as the admins' edit page shows it, or null. */
export async function getAdminLive(liveId: number): Promise<AdminLiveRow | null> {
  const live = await db.live.findUnique({ where: { id: liveId }, select: ADMIN_LIVE_SELECT })
  return live ? toAdminLiveRow(live) : null
}
