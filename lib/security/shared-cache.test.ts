import { describe, expect, it } from "vitest"

import { getSharedAudience, hasSessionCookie, isPublicPagePath, livePageSlug, type SharedCacheRequest } from "./shared-cache"

const asked: string[] = []
function request(overrides: Partial<SharedCacheRequest> & { membersOnly?: boolean; signedIn?: boolean }): SharedCacheRequest {
  const { membersOnly = false, signedIn = true, ...rest } = overrides
  return {
    method: "GET",
    pathname: "/lives/x",
    cookieNames: [],
    seconds: 2,
    isSignedIn: async () => (asked.push("signedIn"), signedIn),
    isMembersOnly: async (slug) => (asked.push(`membersOnly:${slug}`), membersOnly),
    ...rest,
  }
}
const session = ["NEXT_LOCALE", "next-auth.session-token"]

describe("shared cache rule (X-Accel-Expires and the render's audience)", () => {
  it("shares an anonymous GET or HEAD of the Directs page and of a live page, without asking anything", async () => {
    asked.length = 0
    expect(await getSharedAudience(request({ pathname: "/lives" }))).toBe("anonymous")
    expect(await getSharedAudience(request({ pathname: "/lives/bbb-amphi-a" }))).toBe("anonymous")
    expect(await getSharedAudience(request({ method: "HEAD", pathname: "/lives/bbb-amphi-a" }))).toBe("anonymous")
    expect(asked).toEqual([])
  })

  it("keeps the visitor's other cookies (language, sign-in CSRF) out of the decision", async () => {
    const cookieNames = ["NEXT_LOCALE", "next-auth.csrf-token", "__Host-next-auth.csrf-token", "next-auth.callback-url"]
    expect(await getSharedAudience(request({ cookieNames }))).toBe("anonymous")
  })

  it("recognises a session cookie, plain, __Secure- prefixed or chunked", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.0", "__Secure-next-auth.session-token.1"]) {
      expect(hasSessionCookie([name])).toBe(true)
    }
    expect(hasSessionCookie(["next-auth.session-token-x", "xnext-auth.session-token"])).toBe(false)
  })

  it("never shares a signed-in visitor's page of a public live, nor their Directs page", async () => {
    expect(await getSharedAudience(request({ cookieNames: session, membersOnly: false }))).toBeNull()
    asked.length = 0
    expect(await getSharedAudience(request({ cookieNames: session, pathname: "/lives", membersOnly: true }))).toBeNull()
    expect(asked).toEqual([])
  })

  it("shares a members-only live's page among the members whose account is active", async () => {
    asked.length = 0
    expect(await getSharedAudience(request({ cookieNames: session, pathname: "/lives/td-%C3%A9t%C3%A9", membersOnly: true }))).toBe("members")
    expect(asked).toEqual(["membersOnly:td-été", "signedIn"])
    // A cookie that names no active account (forged, expired, deactivated): the visitor's own answer.
    expect(await getSharedAudience(request({ cookieNames: session, membersOnly: true, signedIn: false }))).toBeNull()
  })

  it("never shares writes, other pages, API routes or event streams", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) expect(await getSharedAudience(request({ method }))).toBeNull()
    for (const pathname of ["/", "/login", "/meetings", "/lives/x/edit", "/lives/", "/livesx", "/api/lives/x/events", "/api/events", "/api/lives/x/playlist", "/admin/lives"]) {
      expect(await getSharedAudience(request({ pathname }))).toBeNull()
      expect(await getSharedAudience(request({ pathname, cookieNames: session, membersOnly: true }))).toBeNull()
    }
  })

  it("is off when PUBLIC_PAGE_CACHE_SECONDS is 0", async () => {
    expect(await getSharedAudience(request({ seconds: 0 }))).toBeNull()
    expect(await getSharedAudience(request({ seconds: 0, cookieNames: session, membersOnly: true }))).toBeNull()
  })

  it("recognises the cacheable paths and a live page's slug", () => {
    expect(isPublicPagePath("/lives")).toBe(true)
    expect(isPublicPagePath("/lives/a-b")).toBe(true)
    expect(isPublicPagePath("/lives/a/b")).toBe(false)
    expect(livePageSlug("/lives/a-b")).toBe("a-b")
    expect(livePageSlug("/lives")).toBeNull()
    expect(livePageSlug("/lives/%E0%A4%A")).toBeNull() // malformed escape: no slug, no share
  })
})
