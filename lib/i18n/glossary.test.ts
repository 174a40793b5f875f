// One word per notion (docs/glossary.md): the English catalogue never uses the synonyms the glossary
// discarded, so a page, its navigation entry and its title say the same thing.
import { describe, expect, it } from "vitest"

import en from "./messages/en.json"

const DISCARDED = [/\battendees?\b/i, /\bbeing converted\b/i, /\bupdate of the sessions\b/i, /\bfields marked\b/i, /\bfailed logins?\b/i, /—\s*answers\b/i]

function entries(obj: object, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? entries(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]))
}

describe("glossary", () => {
  it("keeps discarded synonyms out of the English catalogue", () => {
    expect(entries(en).filter(([, value]) => DISCARDED.some((word) => word.test(value)))).toEqual([])
  })
})
