import { db } from "@/lib/db"

import { adminUserSelect, type AdminUser } from "./admin-user-fields"

/** One account as the admin's edit page shows it (with whether it signs in through SSO), or null. */
export async function getUserForAdmin(userId: number): Promise<(AdminUser & { signsInWithSso: boolean }) | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { ...adminUserSelect, oidcSubject: true } })
  if (!user) return null
  const { oidcSubject, ...rest } = user
  return { ...rest, signsInWithSso: oidcSubject !== null }
}
