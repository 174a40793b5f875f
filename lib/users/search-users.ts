// The account picker of the admin (assigning a participant by hand): active accounts whose name,
// username or e-mail contains the words typed, accents and case ignored.
import { db } from "@/lib/db"
import { normalizeName } from "@/lib/meetings/name-keys"

export type UserChoice = { id: number; username: string; name: string; email: string; role: "ADMIN" | "TEACHER" | "STUDENT" }

export async function searchUsers(query: string, options: { limit?: number } = {}): Promise<UserChoice[]> {
  const words = normalizeName(query).split(" ").filter(Boolean).slice(0, 5)
  const raw = query.trim()
  if (words.length === 0 && !raw) return []
  const users = await db.user.findMany({
    where: {
      isActive: true,
      OR: [
        // Every word in the name (either order is in the first-last key)…
        ...(words.length ? [{ AND: words.map((w) => ({ nameKeyFirstLast: { contains: w } })) }] : []),
        // …or the username / e-mail as typed.
        { username: { contains: raw, mode: "insensitive" as const } },
        { email: { contains: raw, mode: "insensitive" as const } },
      ],
    },
    select: { id: true, username: true, firstName: true, lastName: true, email: true, role: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: options.limit ?? 20,
  })
  return users.map((u) => ({ id: u.id, username: u.username, name: `${u.firstName} ${u.lastName}`, email: u.email, role: u.role }))
}
