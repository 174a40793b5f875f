import { describe, expect, it } from "vitest"

import { landingPath } from "./landing-path"

describe("landingPath", () => {
  it("sends each role to its own work", () => {
    expect(landingPath({ role: "TEACHER" }, { livesEnabled: true })).toBe("/meetings")
    expect(landingPath({ role: "ADMIN" }, { livesEnabled: true })).toBe("/admin")
    expect(landingPath({ role: "STUDENT" }, { livesEnabled: true })).toBe("/lives")
    expect(landingPath(null, { livesEnabled: true })).toBe("/lives")
  })

  it("sends a teacher to the Directs when lives are not enabled (their page would only say so)", () => {
    expect(landingPath({ role: "TEACHER" }, { livesEnabled: false })).toBe("/lives")
    expect(landingPath({ role: "ADMIN" }, { livesEnabled: false })).toBe("/admin")
  })
})
