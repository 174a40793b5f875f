// Person-name normalisation shared by user accounts and BBB attendees (domain flow 2): whole names
// compared trimmed, with collapsed spaces, case- and accent-insensitive, hyphens equal to spaces.

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
