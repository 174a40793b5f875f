import { db } from "@/lib/db"

import { ACTIVE_LIVE_WHERE } from "./is-live-cap-reached"

/** Lives requested, starting, running or stopping (the admin overview's figure). */
export async function countActiveLives(): Promise<number> {
  return db.live.count({ where: ACTIVE_LIVE_WHERE })
}
