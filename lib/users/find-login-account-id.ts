// Accounts by username or e-mail, whatever their case. Usernames and e-mails are unique whatever their
// case (unique indexes on lower(...), migration 20261203160000_case_insensitive_names), and these
// lookups go through those indexes with lower() = lower(): never Prisma's `mode: "insensitive"`, an
// ILIKE in which a "%" typed in a login would be a wildcard.
//
// The account a typed login names, as verifyCredentials resolves it, active or not: sign-in
// throttling counts failures against the account, so that switching between username and e-mail (or
// their case) does not give an attacker a second allowance.
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

/** The account whose username is `username` or whose e-mail is `email`, in any case (the oldest if both name one). */
export async function findAccountId(by: { username?: string; email?: string }, client: Prisma.TransactionClient = db): Promise<number | null> {
  if (!by.username && !by.email) return null
  const rows = await client.$queryRaw<{ id: number }[]>`
    SELECT id FROM users WHERE lower(username) = lower(${by.username ?? null}::text) OR lower(email) = lower(${by.email ?? null}::text)
    ORDER BY id LIMIT 1`
  return rows[0]?.id ?? null
}

/** The account a typed login names: its username or its e-mail, in any case. */
export function findLoginAccountId(login: string): Promise<number | null> {
  return findAccountId({ username: login, email: login })
}
