// A person known to another system (a Moodle moderator): the account with that username, else that email,
// else a new teacher account without password (signs in through the institution's OpenID Connect).
import { createUser } from "./create-user"
import { findAccountId } from "./find-login-account-id"

export type ExternalPerson = { username: string; email: string; firstName: string; lastName: string }

export async function findOrCreateTeacher(person: ExternalPerson, options: { dry: boolean }): Promise<{ id: number | null; created: boolean }> {
  const username = person.username.trim()
  const email = person.email.trim().toLowerCase()
  const existing = await findAccountId({ username, email: email || undefined })
  if (existing !== null) return { id: existing, created: false }
  if (options.dry) return { id: null, created: true }
  const user = await createUser({
    username,
    email: email || `${username}@moodle.invalid`,
    firstName: person.firstName.trim() || username,
    lastName: person.lastName.trim() || username,
    role: "TEACHER",
  })
  return { id: user.id, created: true }
}
