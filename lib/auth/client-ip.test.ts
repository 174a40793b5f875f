import { describe, expect, it } from "vitest"

import { getClientIp, ipThrottlingKey, normalizeIp, trustedProxyList } from "./client-ip"

const none = trustedProxyList([])
const localProxy = trustedProxyList(["127.0.0.1", "::1"])
const proxies = trustedProxyList(["10.0.0.0/8", "fd00::/8"])

describe("getClientIp", () => {
  it("takes the TCP peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(getClientIp({ peer: "198.51.100.7", forwardedFor: "203.0.113.1", trustedProxies: none })).toBe("198.51.100.7")
    expect(getClientIp({ peer: "::ffff:198.51.100.7", forwardedFor: "1.2.3.4, 5.6.7.8", trustedProxies: none })).toBe("198.51.100.7")
  })

  it("believes a trusted proxy about the address it received the request from, and only that one hop", () => {
    // The client forged "1.1.1.1"; the proxy appended the address it really saw.
    expect(getClientIp({ peer: "127.0.0.1", forwardedFor: "1.1.1.1, 198.51.100.9", trustedProxies: localProxy })).toBe("198.51.100.9")
    expect(getClientIp({ peer: "::1", forwardedFor: "2001:db8::5", trustedProxies: localProxy })).toBe("2001:db8::5")
  })

  it("walks through a chain of trusted proxies (CIDR blocks) to the first untrusted address", () => {
    expect(getClientIp({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 198.51.100.9, 10.9.9.9", trustedProxies: proxies })).toBe("198.51.100.9")
    expect(getClientIp({ peer: "fd00::2", forwardedFor: "[2001:db8::7]", trustedProxies: proxies })).toBe("2001:db8::7")
  })

  it("does not believe X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(getClientIp({ peer: "198.51.100.50", forwardedFor: "10.0.0.1", trustedProxies: proxies })).toBe("198.51.100.50")
  })

  it("keeps the trusted proxy's address when it forwards garbage or nothing", () => {
    expect(getClientIp({ peer: "10.0.0.2", forwardedFor: "not-an-ip", trustedProxies: proxies })).toBe("10.0.0.2")
    expect(getClientIp({ peer: "10.0.0.2", forwardedFor: null, trustedProxies: proxies })).toBe("10.0.0.2")
  })

  it("falls back on the last X-Forwarded-For hop (what Next.js fills in) without a peer, and says unknown when nothing is usable", () => {
    expect(getClientIp({ peer: undefined, forwardedFor: "198.51.100.4", trustedProxies: none })).toBe("198.51.100.4")
    expect(getClientIp({ peer: "", forwardedFor: "", trustedProxies: none })).toBe("unknown")
    expect(getClientIp({ peer: "garbage", forwardedFor: "more garbage", trustedProxies: none })).toBe("unknown")
  })
})

describe("normalizeIp", () => {
  it("unwraps IPv4-mapped IPv6 and brackets, lowercases IPv6, refuses non-addresses", () => {
    expect(normalizeIp("::FFFF:192.0.2.1")).toBe("192.0.2.1")
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1")
    expect(normalizeIp("192.0.2.1:8080")).toBeUndefined()
    expect(normalizeIp("localhost")).toBeUndefined()
  })
})

describe("ipThrottlingKey", () => {
  it("counts an IPv4 address alone and an IPv6 address with its whole /64", () => {
    expect(ipThrottlingKey("198.51.100.7")).toBe("198.51.100.7")
    expect(ipThrottlingKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64")
    expect(ipThrottlingKey("2001:0db8:0001:0002::ffff")).toBe("2001:db8:1:2::/64")
    expect(ipThrottlingKey("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(ipThrottlingKey("::1")).toBe("0:0:0:0::/64")
    expect(ipThrottlingKey("unknown")).toBe("unknown")
  })
})
