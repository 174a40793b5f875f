// Name keys of the moderator matching (domain flow 2), the one place that knows them: person names
// normalised alike for user accounts and BBB attendees (whole names compared trimmed, with collapsed
// spaces, case- and accent-insensitive, hyphens equal to spaces), the two keys stored per user, and
// which of them BBB_USERNAME_FORMAT selects. lib/users writes the keys; lib/meetings matches on them.
import { getEnv, type Env } from "@/lib/config/env"

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ø: "o", ł: "l", đ: "d", ß: "ss", ı: "i" }

// Printable ASCII needs none of the Unicode steps (the sync normalises ~50,000 names at a time).
const PLAIN_ASCII = /^[\x20-\x7e]*$/

export function normalizeName(raw: string): string {
  if (PLAIN_ASCII.test(raw)) {
    return raw
      .toLowerCase()
      .replace(/`/g, "'")
      .replace(/[-_.]+/g, " ")
      .replace(/ {2,}/g, " ")
      .trim()
  }
  return raw
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1") // accents of Latin letters (й stays й)
    .toLowerCase()
    .replace(/[œæøłđßı]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[-\u2010-\u2015_.]+/g, " ") // hyphens, dashes, underscores, dots ("J.-P.")
    .replace(/\s+/gu, " ")
    .trim()
    .normalize("NFC")
}

/** The two keys under which a user can be found, whatever BBB_USERNAME_FORMAT is in force. */
export function userNameKeys(firstName: string, lastName: string): { nameKeyFirstLast: string; nameKeyLastFirst: string } {
  return {
    nameKeyFirstLast: normalizeName(`${firstName} ${lastName}`),
    nameKeyLastFirst: normalizeName(`${lastName} ${firstName}`),
  }
}

export type NameKeyField = "nameKeyFirstLast" | "nameKeyLastFirst"

/** The user key an attendee's normalised name is compared with, as BBB_USERNAME_FORMAT says BBB shows names. */
export function nameKeyField(format: Env["BBB_USERNAME_FORMAT"] = getEnv().BBB_USERNAME_FORMAT): NameKeyField {
  return format === "last_name first_name" ? "nameKeyLastFirst" : "nameKeyFirstLast"
}

/** The name under which BBB should show this user for the matching to find them (BBB_USERNAME_FORMAT order). */
export function bbbNameOf(user: { firstName: string; lastName: string }, format: Env["BBB_USERNAME_FORMAT"] = getEnv().BBB_USERNAME_FORMAT): string {
  return nameKeyField(format) === "nameKeyLastFirst" ? `${user.lastName} ${user.firstName}` : `${user.firstName} ${user.lastName}`
}
