import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

import { adminUserSelect, type AdminUser } from "./admin-user-fields"

/** What decides an account's role: an admin's pin, the directory at each SSO sign-in, or the admins alone. */
export type RoleSource = "pinned" | "directory" | "admin"

export type AdminUserView = AdminUser & {
  roleSource: RoleSource
  /** Whether the page offers the pin: the directory sets roles here (OIDC_ROLE_CLAIM), or the account is pinned already. */
  mayPinRole: boolean
}

/** One account as the admin's edit page shows it, or null. */
export async function getUserForAdmin(userId: number): Promise<AdminUserView | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { ...adminUserSelect, oidcSubject: true } })
  if (!user) return null
  const { oidcSubject, ...rest } = user
  const directoryRoles = Boolean(getEnv().OIDC_ROLE_CLAIM)
  const roleSource: RoleSource = user.rolePinned ? "pinned" : oidcSubject !== null && directoryRoles ? "directory" : "admin"
  return { ...rest, roleSource, mayPinRole: directoryRoles || user.rolePinned }
}
