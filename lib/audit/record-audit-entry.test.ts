import { describe, expect, it } from "vitest"

import { changedFields } from "./record-audit-entry"

describe("changedFields", () => {
  it("keeps only the fields whose value changed, on both sides", () => {
    const at = new Date("2026-11-23T10:00:00Z")
    expect(
      changedFields({ name: "A", role: "TEACHER", endedAt: null, since: at }, { name: "A", role: "ADMIN", endedAt: at, since: new Date(at) }),
    ).toEqual({ before: { role: "TEACHER", endedAt: null }, after: { role: "ADMIN", endedAt: at } })
  })

  it("reports a field that appears or disappears", () => {
    expect(changedFields({ a: 1 }, { b: 2 })).toEqual({ before: { a: 1, b: undefined }, after: { a: undefined, b: 2 } })
  })
})
