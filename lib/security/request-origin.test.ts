import { describe, expect, it } from "vitest"

import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip"

import { allowedWriteOrigins, isJsonBody, isOriginlessServerAction, isSameOriginWrite } from "./request-origin"

const settings = { APP_URL: "https://live.example.edu", TRUSTED_PROXIES: ["127.0.0.1", "::1"] }

describe("isSameOriginWrite", () => {
  it("accepts APP_URL's origin only, whole: scheme, host and port", () => {
    expect(isSameOriginWrite(new Headers({ origin: "https://live.example.edu" }), settings)).toBe(true)
    expect(isSameOriginWrite(new Headers({ origin: "http://live.example.edu" }), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers({ origin: "https://live.example.edu:8443" }), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers({ origin: "https://evil.example" }), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers({ origin: "null" }), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers({}), settings)).toBe(false)
  })

  it("believes X-Forwarded-Host/-Proto only from a trusted proxy", () => {
    const forwarded = { origin: "http://front.test:8080", "x-forwarded-host": "front.test:8080", "x-forwarded-proto": "http" }
    expect(isSameOriginWrite(new Headers({ ...forwarded, [PEER_ADDRESS_HEADER]: "203.0.113.9" }), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers(forwarded), settings)).toBe(false)
    expect(isSameOriginWrite(new Headers({ ...forwarded, [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), settings)).toBe(true)
    expect(allowedWriteOrigins(new Headers({ ...forwarded, [PEER_ADDRESS_HEADER]: "127.0.0.1" }), { ...settings, TRUSTED_PROXIES: [] })).toEqual([
      "https://live.example.edu",
    ])
  })
})

describe("isJsonBody", () => {
  it("accepts application/json with or without parameters, nothing else", () => {
    expect(isJsonBody(new Headers({ "content-type": "application/json" }))).toBe(true)
    expect(isJsonBody(new Headers({ "content-type": "Application/JSON; charset=utf-8" }))).toBe(true)
    expect(isJsonBody(new Headers({ "content-type": "text/plain" }))).toBe(false)
    expect(isJsonBody(new Headers({}))).toBe(false)
  })
})

describe("isOriginlessServerAction", () => {
  it("is a POST with Next-Action and no Origin (or a sandboxed frame's null)", () => {
    expect(isOriginlessServerAction("POST", new Headers({ "next-action": "abc" }))).toBe(true)
    expect(isOriginlessServerAction("POST", new Headers({ "next-action": "abc", origin: "null" }))).toBe(true)
    expect(isOriginlessServerAction("POST", new Headers({ "next-action": "abc", origin: "https://live.example.edu" }))).toBe(false)
    expect(isOriginlessServerAction("POST", new Headers({}))).toBe(false)
    expect(isOriginlessServerAction("GET", new Headers({ "next-action": "abc" }))).toBe(false)
  })
})
