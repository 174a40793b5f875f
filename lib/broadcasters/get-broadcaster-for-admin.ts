import { db } from "@/lib/db"

import { adminBroadcasterSelect, type AdminBroadcaster } from "./broadcaster-fields"

/** One broadcaster as the admin's edit page shows it, or null. */
export async function getBroadcasterForAdmin(broadcasterId: number): Promise<AdminBroadcaster | null> {
  return db.broadcaster.findUnique({ where: { id: broadcasterId }, select: adminBroadcasterSelect })
}
