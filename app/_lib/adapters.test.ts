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
const { POST: postChat } = await import("@/app/api/lives/[slug]/chat/route")

const params = { params: Promise.resolve({ id: "7" }) }
// APP_URL of the tests is http://localhost:3100 (vitest.test-env.ts).
const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3100/api/x", { method: "POST", headers: { host: "localhost:3100", "content-type": "application/json", ...headers }, body: "{}" })

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
    const ok = await write(post({ origin: "http://localhost:3100" }), params)
    expect(await ok.json()).toEqual({ id: "7" })
  })

  it("compares the whole Origin with APP_URL's: another scheme or port, or a client's X-Forwarded-Host, is refused", async () => {
    session.user = { id: 1, role: "ADMIN" }
    const handler = vi.fn(async () => "ran")
    const write = route({ access: "admin" }, handler)
    expect((await write(post({ origin: "https://localhost:3100" }), params)).status).toBe(403)
    expect((await write(post({ origin: "http://localhost:3101" }), params)).status).toBe(403)
    // The host compared to be the client's own forged X-Forwarded-Host: no longer believed.
    expect((await write(post({ origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "evil.example" }), params)).status).toBe(403)
    // A Referer no longer stands in for a missing Origin.
    expect((await write(post({ referer: "http://localhost:3100/lives/x" }), params)).status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
  })

  it("refuses a write whose body is not declared JSON (a cross-site form or a simple request) with 415", async () => {
    session.user = { id: 1, role: "ADMIN" }
    const handler = vi.fn(async () => "ran")
    const write = route({ access: "admin" }, handler)
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const refused = await write(post({ origin: "http://localhost:3100", "content-type": type }), params)
      expect(refused.status).toBe(415)
      expect(await refused.json()).toEqual({ code: "INVALID_INPUT" })
    }
    expect(handler).not.toHaveBeenCalled()
    expect((await write(post({ origin: "http://localhost:3100", "content-type": "application/json; charset=utf-8" }), params)).status).toBe(200)
  })

  it("the chat POST refuses the issue's requests before reading anything", async () => {
    session.user = { id: 1, role: "STUDENT" }
    const chat = (headers: Record<string, string>) =>
      postChat(
        new Request("http://localhost:3100/api/lives/some-live/chat", {
          method: "POST",
          headers: { host: "localhost:3100", "content-type": "application/json", ...headers },
          body: JSON.stringify({ body: "hello" }),
        }),
        { params: Promise.resolve({ slug: "some-live" }) },
      )
    expect((await chat({ origin: "https://localhost:3100" })).status).toBe(403)
    expect((await chat({ origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403)
    expect((await chat({ origin: "http://localhost:3100", "content-type": "text/plain" })).status).toBe(415)
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
