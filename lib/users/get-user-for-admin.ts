import { db } from "@/lib/db"

import { adminUserSelect, type AdminUser } from "./admin-user-fields"

/** One account as the admin's edit page shows it, or null. */
export async function getUserForAdmin(userId: number): Promise<AdminUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: adminUserSelect })
}
