// Ends every session of an account at once, on every app instance: the account's session version
// goes up, and a session (JWT) stamped with an older one is refused where sessions are read
// (lib/auth/find-session-user.ts). Called on sign-out, password reset, deactivation and role change.
// Then (after the transaction) announceSessionsEnded closes the account's open event streams on every
// instance (lib/events/sessions-ended-feed.ts).
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

type Tx = Prisma.TransactionClient

/**
 * Ends the account's sessions. With `onlyIfVersion`, only when that is still the account's version
 * (a sign-out with an already ended session changes nothing). Returns whether it did.
 */
export async function endUserSessions(userId: number, options: { tx?: Tx; onlyIfVersion?: number } = {}): Promise<boolean> {
  const client = options.tx ?? db
  const where = options.onlyIfVersion === undefined ? { id: userId } : { id: userId, sessionVersion: options.onlyIfVersion }
  const { count } = await client.user.updateMany({ where, data: { sessionVersion: { increment: 1 } } })
  return count > 0
}

/**
 * What a new session of this account is stamped with (null: no such account): its session version,
 * and whether it must choose its own password first (a temporary password from an admin).
 */
export async function getSessionStamp(userId: number): Promise<{ sessionVersion: number; mustChangePassword: boolean } | null> {
  return db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, mustChangePassword: true } })
}
