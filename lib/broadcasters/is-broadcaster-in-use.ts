import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

/**
 * Does an active live (requested … stopping) play through this broadcaster? Then it must stay. A live
 * is active exactly while it holds its meeting's active slot (the database's CHECK
 * lives_active_meeting_consistent), so this needs no list of live statuses from lib/lives.
 */
export async function isBroadcasterInUse(broadcasterId: number, tx: Prisma.TransactionClient = db): Promise<boolean> {
  return (await tx.broadcaster.count({ where: { id: broadcasterId, live: { activeMeetingId: { not: null } } } })) > 0
}
