import { beforeEach, describe, expect, it, vi } from "vitest"
import { z } from "zod"

import { AppError } from "@/lib/errors"

const session = vi.hoisted(() => ({ user: null as null | { id: number; role: "ADMIN" | "TEACHER" | "STUDENT" } }))
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED")
    return session.user
  },
  requireRole: async (role: string) => {
    if (!session.user) throw new AppError("UNAUTHENTICATED")
    if (session.user.role !== "ADMIN" && !(role === "teacher" && session.user.role === "TEACHER")) throw new AppError("FORBIDDEN")
    return session.user
  },
}))

const { route } = await import("./adapters")

const params = { params: Promise.resolve({ id: "7" }) }
const post = (headers: Record<string, string>) => new Request("http://app.test/api/x", { method: "POST", headers: { host: "app.test", ...headers } })

describe("route()", () => {
  beforeEach(() => {
    session.user = null
  })

  it("refuses anonymous callers (401) and the wrong role (403) before running the handler", async () => {
    const handler = vi.fn(async () => "ran")
    const get = route({ access: "admin" }, handler)
    expect((await get(new Request("http://app.test/api/x"), params)).status).toBe(401)
    session.user = { id: 1, role: "TEACHER" }
    expect((await get(new Request("http://app.test/api/x"), params)).status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
    session.user = { id: 1, role: "ADMIN" }
    const ok = await get(new Request("http://app.test/api/x"), params)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toBe("ran")
  })

  it("refuses writes from another origin or without one (CSRF)", async () => {
    session.user = { id: 1, role: "ADMIN" }
    const handler = vi.fn(async ({ params: p }: { params: { id: string } }) => ({ id: p.id }))
    const write = route<{ id: string }>({ access: "admin" }, handler)
    expect((await write(post({ origin: "https://evil.example" }), params)).status).toBe(403)
    expect((await write(post({}), params)).status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
    const ok = await write(post({ origin: "http://app.test" }), params)
    expect(await ok.json()).toEqual({ id: "7" })
  })

  it("maps AppError codes and zod errors to their status, unknown errors to 500 without their message", async () => {
    const fail = (error: unknown) =>
      route({ access: "public" }, async () => {
        throw error
      })(new Request("http://app.test/api/x"), params)
    expect((await fail(new AppError("NOT_FOUND"))).status).toBe(404)
    expect((await fail(new AppError("BBB_UNAVAILABLE"))).status).toBe(503)
    const invalid = await fail(z.object({ name: z.string() }).safeParse({}).error)
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { name: expect.any(Array) } })
    const unknown = await fail(new Error("secret detail"))
    expect(unknown.status).toBe(500)
    expect(await unknown.text()).not.toContain("secret")
  })
})
