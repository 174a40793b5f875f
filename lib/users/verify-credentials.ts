import bcrypt from "bcryptjs"

import { db } from "@/lib/db"

import { findLoginAccountId } from "./find-login-account-id"
import { credentialsSchema } from "./schemas"

// A fixed hash to compare against when the account does not exist, so that the answer takes the
// same time whether the username is known or not.
export const DUMMY_HASH = "$2b$10$QTqMNpMADruoymjnjscH7ee5tdm6gXo74SlW/6K4feEyzQYqhr2tO"

export type AuthenticatedUser = { id: number; role: "ADMIN" | "TEACHER" | "STUDENT"; name: string; email: string }

/** Checks a local username (or e-mail) and password; null when they do not match an active account. */
export async function verifyCredentials(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input)
  if (!parsed.success) return null
  const login = parsed.data.username
  const id = await findLoginAccountId(login)
  const user = await db.user.findFirst({
    where: { id: id ?? -1, isActive: true },
    select: { id: true, role: true, firstName: true, lastName: true, email: true, passwordHash: true },
  })
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH)
  if (!user?.passwordHash || !ok) return null
  return { id: user.id, role: user.role, name: `${user.firstName} ${user.lastName}`, email: user.email }
}
