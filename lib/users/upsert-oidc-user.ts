import { z } from "zod"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { rematchUser } from "@/lib/meetings/rematch-user"

export const oidcProfileSchema = z.object({
  sub: z.string().min(1),
  email: z.string().email(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
})
export type OidcProfile = z.infer<typeof oidcProfileSchema>

/**
 * Finds the account of an OpenID Connect identity, linking it to an existing account with the same
 * e-mail on first sign-in, or creating one (role OIDC_DEFAULT_ROLE). Name edits at the provider
 * are copied so that BBB name matching follows them.
 */
export async function upsertOidcUser(profile: OidcProfile) {
  const firstName = profile.given_name ?? profile.name?.split(" ")[0] ?? profile.email.split("@")[0]!
  const lastName = profile.family_name ?? profile.name?.split(" ").slice(1).join(" ") ?? ""
  const email = profile.email.toLowerCase()
  const names = { firstName, lastName: lastName || "-", ...userNameKeys(firstName, lastName || "-") }
  const select = { id: true, role: true, firstName: true, lastName: true, email: true, isActive: true } as const

  const existing = await db.user.findFirst({ where: { OR: [{ oidcSubject: profile.sub }, { email }] }, select: { id: true } })
  if (existing) {
    const user = await db.user.update({ where: { id: existing.id }, data: { oidcSubject: profile.sub, ...names }, select })
    await rematchUser(user.id) // names may have changed at the provider
    return user
  }
  const base = (profile.preferred_username ?? email.split("@")[0]!).replace(/[^\w.@+-]/g, "") || "user"
  const taken = await db.user.count({ where: { username: base } })
  const user = await db.user.create({
    data: {
      email,
      username: taken ? `${base}-${profile.sub.slice(0, 8)}` : base,
      oidcSubject: profile.sub,
      role: getEnv().OIDC_DEFAULT_ROLE,
      ...names,
    },
    select,
  })
  await rematchUser(user.id)
  return user
}
