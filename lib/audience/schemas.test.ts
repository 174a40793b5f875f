import { describe, expect, it } from "vitest"

import { periodError } from "./schemas"

describe("periodError", () => {
  it("accepts an open or a valid period, refuses an end before its start and more than a year", () => {
    expect(periodError({})).toBeNull()
    expect(periodError({ from: "2026-01-01" })).toBeNull()
    expect(periodError({ from: "2026-01-01", to: "2026-01-01" })).toBeNull()
    expect(periodError({ from: "2025-09-01", to: "2026-09-01" })).toBeNull()
    expect(periodError({ from: "2026-01-02", to: "2026-01-01" })).toBe("endBeforeStart")
    expect(periodError({ from: "2025-01-01", to: "2026-01-03" })).toBe("tooLong")
  })
})
