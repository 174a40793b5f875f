import bcrypt from "bcryptjs"

import { db } from "@/lib/db"

import { findLoginAccountId } from "./find-login-account-id"
import { credentialsSchema } from "./schemas"

// A fixed hash to compare against when the account does not exist, so that the answer takes the
// same time whether the username is known or not.
export const DUMMY_HASH = "$2b$10$QTqMNpMADruoymjnjscH7ee5tdm6gXo74SlW/6K4feEyzQYqhr2tO"

export type AuthenticatedUser = { id: number; role: "ADMIN" | "TEACHER" | "STUDENT"; name: string; email: string }

/**
 * Checks a local username (or e-mail) and password: the account, or why not. `inactive` says the
 * password was right for a deactivated account: the admins' list of refused sign-ins shows it as
 * such; the person signing in gets the same neutral refusal as for wrong credentials. One password
 * comparison whatever the case (same time).
 */
export async function checkCredentials(input: unknown): Promise<{ user: AuthenticatedUser } | { user: null; inactive: boolean }> {
  const parsed = credentialsSchema.safeParse(input)
  if (!parsed.success) return { user: null, inactive: false }
  const login = parsed.data.username
  const id = await findLoginAccountId(login)
  const user = await db.user.findFirst({
    where: { id: id ?? -1 },
    select: { id: true, role: true, firstName: true, lastName: true, email: true, passwordHash: true, isActive: true },
  })
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH)
  if (!user?.passwordHash || !ok) return { user: null, inactive: false }
  if (!user.isActive) return { user: null, inactive: true }
  return { user: { id: user.id, role: user.role, name: `${user.firstName} ${user.lastName}`, email: user.email } }
}

/** Checks a local username (or e-mail) and password; null when they do not match an active account. */
export async function verifyCredentials(input: unknown): Promise<AuthenticatedUser | null> {
  return (await checkCredentials(input)).user
}
