// The proxy itself (proxy.ts, Next 16's middleware) on the requests of issue 28 item 8.
import { NextRequest } from "next/server"
import { describe, expect, it } from "vitest"

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
