import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { ACTIVE_LIVE_STATUSES } from "./schemas"

/** Does an active live (requested … stopping) play through this broadcaster? Then it must stay. */
export async function isBroadcasterInUse(broadcasterId: number, tx: Prisma.TransactionClient = db): Promise<boolean> {
  return (await tx.live.count({ where: { broadcasterId, status: { in: [...ACTIVE_LIVE_STATUSES] } } })) > 0
}
