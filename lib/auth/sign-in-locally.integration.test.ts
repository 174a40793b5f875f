// LOCAL_SIGN_IN=false: password sign-in refused to everyone but the break-glass admin, whose
// sign-ins are logged (against the real database and Redis throttling counters).
import { randomBytes } from "node:crypto"

import { afterEach, describe, expect, it, vi } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { seedUser } from "@/prisma/seed/factories"

import { signInLocally } from "./sign-in-locally"

// The log lines this policy writes, recorded instead of written.
const logs = vi.hoisted(() => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), child: vi.fn() }))
vi.mock("@/lib/logger", () => ({ logger: { ...logs, child: () => logs } }))

const SETTINGS = ["LOCAL_SIGN_IN", "BREAK_GLASS_ADMIN", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]

function withSettings(settings: Record<string, string>) {
  Object.assign(process.env, { OIDC_ISSUER: "https://idp.univ.example", OIDC_CLIENT_ID: "app", OIDC_CLIENT_SECRET: "secret", ...settings })
  resetEnvCache()
}

afterEach(() => {
  for (const key of SETTINGS) delete process.env[key]
  resetEnvCache()
  vi.clearAllMocks()
})

const ip = () => `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`

describe("signInLocally", () => {
  it("signs anyone in with a password while LOCAL_SIGN_IN is on", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    expect(await signInLocally({ username: teacher.username, password: teacher.password }, { ip: ip() })).toMatchObject({ ok: true, user: { id: teacher.id } })
  })

  it("with LOCAL_SIGN_IN=false, refuses every account but the break-glass admin, whose sign-in is logged", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const teacher = await seedUser({ role: "TEACHER" })
    withSettings({ LOCAL_SIGN_IN: "false", BREAK_GLASS_ADMIN: admin.username.toUpperCase() })

    expect(await signInLocally({ username: teacher.username, password: teacher.password }, { ip: ip() })).toEqual({ ok: false, delayMs: 0 })
    // Its e-mail is not its username: the break-glass account signs in by its name only.
    expect(await signInLocally({ username: admin.email, password: admin.password }, { ip: ip() })).toEqual({ ok: false, delayMs: 0 })
    expect(await signInLocally({ username: admin.username, password: "wrong-password" }, { ip: ip() })).toMatchObject({ ok: false })
    expect(logs.warn).toHaveBeenCalledWith(expect.objectContaining({ username: admin.username }), "break-glass admin: failed password sign-in")

    expect(await signInLocally({ username: ` ${admin.username} `, password: admin.password }, { ip: ip() })).toMatchObject({ ok: true, user: { id: admin.id } })
    expect(logs.warn).toHaveBeenLastCalledWith(expect.objectContaining({ userId: admin.id }), "break-glass admin signed in with a password (LOCAL_SIGN_IN=false)")
  })

  it("refuses a break-glass account that is not an admin", async () => {
    const teacher = await seedUser({ role: "TEACHER" })
    withSettings({ LOCAL_SIGN_IN: "false", BREAK_GLASS_ADMIN: teacher.username })
    expect(await signInLocally({ username: teacher.username, password: teacher.password }, { ip: ip() })).toEqual({ ok: false, delayMs: 0 })
    expect(logs.error).toHaveBeenCalledWith(expect.objectContaining({ userId: teacher.id }), "BREAK_GLASS_ADMIN names an account that is not an admin: sign-in refused")
  })
})
