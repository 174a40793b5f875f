import { describe, expect, it, vi } from "vitest"

import { directoryRole, nextRole } from "./directory-role"

// The warnings this module logs, recorded instead of written.
const warn = vi.hoisted(() => vi.fn())
vi.mock("@/lib/logger", () => ({ logger: { warn } }))

const settings = { OIDC_ROLE_CLAIM: "eduPersonAffiliation", OIDC_TEACHER_VALUES: ["faculty", "employee", "staff", "teacher"], OIDC_ADMIN_VALUES: ["it-admin"] }

describe("directoryRole", () => {
  it("reads scalar and array claims, case-insensitively, admin values first", () => {
    expect(directoryRole({ eduPersonAffiliation: "Faculty" }, settings)).toBe("TEACHER")
    expect(directoryRole({ eduPersonAffiliation: ["member", " STAFF "] }, settings)).toBe("TEACHER")
    expect(directoryRole({ eduPersonAffiliation: ["faculty", "IT-Admin"] }, settings)).toBe("ADMIN")
    expect(directoryRole({ eduPersonAffiliation: ["student", "member"] }, settings)).toBe("STUDENT")
    expect(directoryRole({ eduPersonAffiliation: [] }, settings)).toBe("STUDENT")
  })

  it("says nothing without a configured claim, and logs a claim the provider does not release once", () => {
    expect(directoryRole({ eduPersonAffiliation: "faculty" }, { ...settings, OIDC_ROLE_CLAIM: undefined })).toBeNull()
    const missing = { ...settings, OIDC_ROLE_CLAIM: `groups-${Math.random()}` }
    expect(directoryRole({ sub: "a" }, missing)).toBeNull()
    expect(directoryRole({ sub: "b", [missing.OIDC_ROLE_CLAIM]: 42 }, missing)).toBeNull()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatchObject({ claim: missing.OIDC_ROLE_CLAIM, released: ["sub"] })
  })
})

describe("nextRole", () => {
  it("follows the directory unless pinned or silent; ADMIN stays when no admin values are set", () => {
    expect(nextRole({ role: "STUDENT", rolePinned: false }, "TEACHER", settings)).toBe("TEACHER")
    expect(nextRole({ role: "STUDENT", rolePinned: true }, "TEACHER", settings)).toBe("STUDENT")
    expect(nextRole({ role: "TEACHER", rolePinned: false }, null, settings)).toBe("TEACHER")
    expect(nextRole({ role: "ADMIN", rolePinned: false }, "TEACHER", { ...settings, OIDC_ADMIN_VALUES: [] })).toBe("ADMIN")
    expect(nextRole({ role: "ADMIN", rolePinned: false }, "TEACHER", settings)).toBe("TEACHER")
  })
})
