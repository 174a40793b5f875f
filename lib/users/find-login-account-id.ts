// The account a typed login names (its username, or its e-mail in any case), as verifyCredentials
// resolves it, active or not: sign-in throttling counts failures against the account, so that
// switching between username and e-mail does not give an attacker a second allowance. A username
// typed in another case still names its account here (it never signs in, but is counted with it).
import { db } from "@/lib/db"

/** The accounts a typed login names exactly: its username as typed, or its e-mail in any case. */
export function loginMatch(login: string) {
  return { OR: [{ username: login }, { email: login.toLowerCase() }] }
}

export async function findLoginAccountId(login: string): Promise<number | null> {
  const exact = await db.user.findFirst({ where: loginMatch(login), select: { id: true } })
  if (exact) return exact.id
  const other = await db.user.findFirst({ where: { username: { equals: login, mode: "insensitive" } }, orderBy: { id: "asc" }, select: { id: true } })
  return other?.id ?? null
}
