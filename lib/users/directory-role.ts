// The role the directory gives an SSO account: the claim named by OIDC_ROLE_CLAIM (an affiliation or
// a group list, scalar or array) compared case-insensitively with OIDC_ADMIN_VALUES, then
// OIDC_TEACHER_VALUES; any other value makes a student. null: the directory says nothing (no claim
// configured, or the provider did not release it), so the account's role stays as it is.
import type { Env } from "@/lib/config/env"
import { logger } from "@/lib/logger"

import type { Role } from "./schemas"

type RoleSettings = Pick<Env, "OIDC_ROLE_CLAIM" | "OIDC_TEACHER_VALUES" | "OIDC_ADMIN_VALUES">

/** Claims already reported missing (logged once per process, not at every sign-in). */
const reportedMissing = new Set<string>()

function claimValues(value: unknown): string[] | null {
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string")
  return null
}

export function directoryRole(claims: Record<string, unknown>, settings: RoleSettings): Role | null {
  const claim = settings.OIDC_ROLE_CLAIM
  if (!claim) return null
  const values = claimValues(claims[claim])
  if (values === null) {
    if (!reportedMissing.has(claim)) {
      reportedMissing.add(claim)
      logger.warn({ claim, released: Object.keys(claims) }, "OIDC_ROLE_CLAIM is not in the provider's ID token: roles are left as they are")
    }
    return null
  }
  const normalized = new Set(values.map((v) => v.trim().toLowerCase()))
  if (settings.OIDC_ADMIN_VALUES.some((v) => normalized.has(v))) return "ADMIN"
  if (settings.OIDC_TEACHER_VALUES.some((v) => normalized.has(v))) return "TEACHER"
  return "STUDENT"
}

/**
 * The role an account gets at an SSO sign-in: unchanged when pinned or when the directory says
 * nothing; an ADMIN stays one unless OIDC_ADMIN_VALUES is set (the directory then decides that too).
 */
export function nextRole(current: { role: Role; rolePinned: boolean }, fromDirectory: Role | null, settings: RoleSettings): Role {
  if (current.rolePinned || fromDirectory === null) return current.role
  if (current.role === "ADMIN" && settings.OIDC_ADMIN_VALUES.length === 0) return "ADMIN"
  return fromDirectory
}
