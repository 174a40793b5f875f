import { db } from "@/lib/db"

/** How many accounts exist, active and inactive (the admin overview's figure). */
export async function countUsers(): Promise<number> {
  return db.user.count()
}
