import { describe, expect, it } from "vitest"

import { contentSecurityPolicy, createNonce, isLivePagePath, securityHeaders, type SecurityHeaderSettings } from "./security-headers"

const settings: SecurityHeaderSettings = {
  APP_URL: "http://localhost:3000",
  POD_HLS_STREAM: "http://127.0.0.1:18080/hls/",
  LIVE_EMBED_ORIGINS: [],
  NODE_ENV: "production",
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
}

describe("security headers", () => {
  it("build a nonce-based CSP that lets Next.js, hls.js, server-sent events and the HLS origin work", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", pathname: "/meetings", settings }))
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"])
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"])
    expect(csp.get("media-src")).toEqual(["'self'", "blob:", "http://127.0.0.1:18080"])
    expect(csp.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:18080"])
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"])
    expect(csp.get("object-src")).toEqual(["'none'"])
    expect(csp.get("frame-ancestors")).toEqual(["'none'"])
    expect(csp.has("upgrade-insecure-requests")).toBe(false)
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'")
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'")
  })

  it("let live pages, and only them, be framed by this origin and the configured LMS origins", () => {
    const lms = { ...settings, LIVE_EMBED_ORIGINS: ["https://moodle.example.org", "https://*.univ.example"] }
    const live = securityHeaders({ nonce: "n", pathname: "/lives/cours-de-chimie", settings: lms })
    expect(directives(live["Content-Security-Policy"]!).get("frame-ancestors")).toEqual(["'self'", "https://moodle.example.org", "https://*.univ.example"])
    expect(live["X-Frame-Options"]).toBeUndefined()
    for (const pathname of ["/lives", "/lives/", "/lives/a/b", "/meetings", "/admin/sign-ins", "/login"]) {
      const headers = securityHeaders({ nonce: "n", pathname, settings: lms })
      expect(directives(headers["Content-Security-Policy"]!).get("frame-ancestors"), pathname).toEqual(["'none'"])
      expect(headers["X-Frame-Options"], pathname).toBe("DENY")
    }
    expect(isLivePagePath("/lives/x/")).toBe(true)
  })

  it("send nosniff, the referrer policy and a restrictive Permissions-Policy everywhere; HSTS only over HTTPS", () => {
    const http = securityHeaders({ nonce: "n", pathname: "/", settings })
    expect(http).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" })
    expect(http["Permissions-Policy"]).toContain("camera=()")
    expect(http["Permissions-Policy"]).toContain("microphone=()")
    expect(http["Permissions-Policy"]).toContain("fullscreen=(self)")
    expect(http["Permissions-Policy"]).toContain("autoplay=(self)")
    expect(http["Strict-Transport-Security"]).toBeUndefined()
    const https = securityHeaders({ nonce: "n", pathname: "/", settings: { ...settings, APP_URL: "https://live.univ.example" } })
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/)
    expect(directives(https["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(true)
  })

  it("allow eval and inline styles only in development (React's error overlay, hot reload)", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", pathname: "/", settings: { ...settings, NODE_ENV: "development" } }))
    expect(csp.get("script-src")).toContain("'unsafe-eval'")
    expect(csp.get("style-src")).toContain("'unsafe-inline'")
  })

  it("make a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce))
    expect(nonces.size).toBe(50)
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})
