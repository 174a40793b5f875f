// The proxy itself (proxy.ts, Next 16's middleware) on the requests of issue 28 item 8.
import { encode } from "next-auth/jwt"
import { NextRequest } from "next/server"
import { describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { proxy } from "@/proxy"

const action = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3100/lives", {
    method: "POST",
    headers: { "next-action": "7f3a0c", "content-type": "text/plain;charset=UTF-8", ...headers },
    body: "[]",
  })

describe("proxy: server actions", () => {
  it("refuses a Next-Action POST without Origin with 403, security headers included", async () => {
    const response = await proxy(action({}))
    expect(response.status).toBe(403)
    expect(response.headers.get("x-frame-options")).toBe("DENY")
    expect((await proxy(action({ origin: "null" }))).status).toBe(403)
  })

  it("lets a Next-Action POST with an Origin through to Next.js (which compares it)", async () => {
    const response = await proxy(action({ origin: "http://localhost:3100" }))
    expect(response.status).not.toBe(403)
    // NextResponse.next() marks the request as passed on.
    expect(response.headers.get("x-middleware-next")).toBe("1")
  })
})

describe("proxy: a temporary password must be changed first", () => {
  const session = async (claims: Record<string, unknown>) =>
    `next-auth.session-token=${await encode({ token: { uid: 42, sv: 0, ...claims }, secret: getEnv().AUTH_SECRET })}`
  const get = (path: string, cookie: string) => proxy(new NextRequest(`http://localhost:3100${path}`, { headers: { cookie } }))

  it("sends every page of such a session to « Changer mon mot de passe », not its API calls, static files or the page itself", async () => {
    const cookie = await session({ mcp: true })
    for (const path of ["/lives", "/admin/users?q=x", "/meetings"]) {
      const response = await get(path, cookie)
      expect(response.status).toBe(307)
      expect(response.headers.get("location")).toBe("http://localhost:3100/account/password")
    }
    for (const path of ["/account/password", "/api/auth/session", "/icon.svg", "/_next/static/chunks/a.js"]) {
      expect((await get(path, cookie)).headers.get("x-middleware-next"), path).toBe("1")
    }
  })

  it("lets any other session through", async () => {
    expect((await get("/lives", await session({}))).headers.get("x-middleware-next")).toBe("1")
  })
})
