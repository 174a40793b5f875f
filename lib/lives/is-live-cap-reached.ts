import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

/** Lives holding resources now (REQUESTED..STOPPING: those with their meeting's active flag). */
export const ACTIVE_LIVE_WHERE = { activeMeetingId: { not: null } } satisfies Prisma.LiveWhereInput

/** True when BBB_NUMBER_MAX_LIVES lives are active (pass the transaction that must see it). */
export async function isLiveCapReached(tx: Prisma.TransactionClient = db): Promise<boolean> {
  return (await tx.live.count({ where: ACTIVE_LIVE_WHERE })) >= getEnv().BBB_NUMBER_MAX_LIVES
}
