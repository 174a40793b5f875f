import { createHash } from "node:crypto"

import { z } from "zod"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { announceSessionsEnded } from "@/lib/events/sessions-ended-feed"
import { logger } from "@/lib/logger"
import { notifyAdmins } from "@/lib/mail/notify-admins"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { rematchUser } from "@/lib/meetings/rematch-user"

import { directoryRole, nextRole } from "./directory-role"
import { findAccountId } from "./find-login-account-id"

/** Some providers send booleans as strings ("true"). */
const claimBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])

/** The ID token's claims we read; the others (such as OIDC_ROLE_CLAIM's) are kept for the role. */
export const oidcProfileSchema = z.looseObject({
  sub: z.string().min(1),
  email: z.string().email(),
  email_verified: claimBoolean.optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
})
export type OidcProfile = z.infer<typeof oidcProfileSchema>

const select = { id: true, role: true, firstName: true, lastName: true, email: true, isActive: true } as const

/**
 * An e-mail no one reads for an SSO account whose provider e-mail belongs to another account that
 * could not be linked safely (RFC 2606 reserves .invalid): the admins sort the duplicate out.
 */
function unlinkedEmail(sub: string): string {
  return `sso-${createHash("sha256").update(sub).digest("hex").slice(0, 16)}@unlinked.invalid`
}

/**
 * Finds the account of an OpenID Connect identity at each sign-in, or creates it. The first sign-in
 * links to the local account with the same e-mail only when the provider vouches for the e-mail
 * (email_verified, or OIDC_TRUST_EMAIL); otherwise a separate account is created and the admins are
 * mailed about the possible duplicate. Names are copied from the provider (and the BBB moderators
 * re-matched); the role follows the directory (OIDC_ROLE_CLAIM) unless an admin pinned it.
 */
export async function upsertOidcUser(profile: OidcProfile) {
  const env = getEnv()
  const firstName = profile.given_name ?? profile.name?.split(" ")[0] ?? profile.email.split("@")[0]!
  const lastName = profile.family_name ?? profile.name?.split(" ").slice(1).join(" ") ?? ""
  const email = profile.email.toLowerCase()
  const names = { firstName, lastName: lastName || "-", ...userNameKeys(firstName, lastName || "-") }
  const fromDirectory = directoryRole(profile, env)
  const known = { ...select, rolePinned: true, oidcSubject: true, nameKeyFirstLast: true, nameKeyLastFirst: true, externalId: true } as const

  const bySubject = await db.user.findUnique({ where: { oidcSubject: profile.sub }, select: known })
  const byEmailId = bySubject ? null : await findAccountId({ email })
  const byEmail = byEmailId === null ? null : await db.user.findUnique({ where: { id: byEmailId }, select: known })
  const linkable = byEmail && !byEmail.oidcSubject && (profile.email_verified === true || env.OIDC_TRUST_EMAIL)
  const existing = bySubject ?? (linkable ? byEmail : null)

  if (existing) {
    const role = nextRole(existing, fromDirectory, env)
    const roleChanged = role !== existing.role
    const user = await db.user.update({
      where: { id: existing.id },
      // A role change ends the account's other sessions, as when an admin changes it.
      data: { oidcSubject: profile.sub, ...names, role, ...(roleChanged ? { sessionVersion: { increment: 1 } } : {}) },
      select,
    })
    if (roleChanged) {
      logger.info({ userId: user.id, from: existing.role, to: role }, "role changed by the directory at SSO sign-in")
      await announceSessionsEnded(user.id)
    }
    // Names may have changed at the provider: attendees matched under the old ones are looked at too.
    await rematchUser(user.id, { previous: { nameKeys: [existing.nameKeyFirstLast, existing.nameKeyLastFirst], externalId: existing.externalId } })
    return user
  }

  const base = (profile.preferred_username ?? email.split("@")[0]!).replace(/[^\w.@+-]/g, "") || "user"
  const taken = (await findAccountId({ username: base })) !== null
  const user = await db.user.create({
    data: {
      email: byEmail ? unlinkedEmail(profile.sub) : email,
      username: taken ? `${base}-${profile.sub.slice(0, 8)}` : base,
      oidcSubject: profile.sub,
      role: fromDirectory ?? env.OIDC_DEFAULT_ROLE,
      ...names,
    },
    select,
  })
  if (byEmail) {
    logger.warn({ userId: user.id, existingUserId: byEmail.id }, "SSO sign-in not linked to the account with the same e-mail (e-mail not verified): possible duplicate")
    await notifyAdmins(
      `Possible duplicate account: ${email}`,
      [
        `An SSO sign-in (subject ${profile.sub}) gave the e-mail ${email}, which belongs to the account "${byEmail.firstName} ${byEmail.lastName}" (id ${byEmail.id}).`,
        byEmail.oidcSubject
          ? "That account is already linked to another SSO identity, so a separate account was created."
          : "The provider did not say the e-mail was verified (email_verified), so the accounts were not linked and a separate account was created.",
        `New account: id ${user.id}, "${user.firstName} ${user.lastName}", e-mail ${user.email}.`,
        "If both are the same person, deactivate one of them in the administration (or set OIDC_TRUST_EMAIL=true for a provider that verifies e-mails without saying so).",
      ].join("\n\n"),
    ).catch((error: unknown) => logger.error({ err: error, userId: user.id }, "could not mail the admins about a possible duplicate account"))
  }
  await rematchUser(user.id)
  return user
}
