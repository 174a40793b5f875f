import { describe, expect, it } from "vitest"

import { getSharedCacheSeconds, hasSessionCookie, isPublicPagePath } from "./shared-cache"

const anonymous = { method: "GET", cookieNames: [] as string[], seconds: 2 }

describe("shared cache rule (X-Accel-Expires)", () => {
  it("marks an anonymous GET or HEAD of the Directs page and of a live page", () => {
    expect(getSharedCacheSeconds({ ...anonymous, pathname: "/lives" })).toBe(2)
    expect(getSharedCacheSeconds({ ...anonymous, pathname: "/lives/bbb-amphi-a" })).toBe(2)
    expect(getSharedCacheSeconds({ ...anonymous, method: "HEAD", pathname: "/lives/bbb-amphi-a" })).toBe(2)
    expect(getSharedCacheSeconds({ ...anonymous, pathname: "/lives/bbb-amphi-a", seconds: 5 })).toBe(5)
  })

  it("keeps the visitor's other cookies (language, sign-in CSRF) out of the decision", () => {
    const cookieNames = ["NEXT_LOCALE", "next-auth.csrf-token", "__Host-next-auth.csrf-token", "next-auth.callback-url"]
    expect(getSharedCacheSeconds({ ...anonymous, cookieNames, pathname: "/lives/x" })).toBe(2)
  })

  it("never marks a request carrying a session cookie, plain, __Secure- prefixed or chunked", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0", "__Secure-next-auth.session-token.1"]) {
      expect(hasSessionCookie([name])).toBe(true)
      expect(getSharedCacheSeconds({ ...anonymous, cookieNames: ["NEXT_LOCALE", name], pathname: "/lives/x" })).toBe(0)
    }
    expect(hasSessionCookie(["next-auth.session-token-x", "xnext-auth.session-token"])).toBe(false)
  })

  it("never marks writes, other pages, API routes or event streams", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) expect(getSharedCacheSeconds({ ...anonymous, method, pathname: "/lives/x" })).toBe(0)
    for (const pathname of ["/", "/login", "/meetings", "/lives/x/edit", "/lives/", "/livesx", "/api/lives/x/events", "/api/events", "/api/lives/x/playlist", "/admin/lives"]) {
      expect(getSharedCacheSeconds({ ...anonymous, pathname })).toBe(0)
    }
  })

  it("is off when PUBLIC_PAGE_CACHE_SECONDS is 0", () => {
    expect(getSharedCacheSeconds({ ...anonymous, pathname: "/lives/x", seconds: 0 })).toBe(0)
  })

  it("recognises the cacheable paths", () => {
    expect(isPublicPagePath("/lives")).toBe(true)
    expect(isPublicPagePath("/lives/a-b")).toBe(true)
    expect(isPublicPagePath("/lives/a/b")).toBe(false)
  })
})
