import { afterEach, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"

import { getAuthOptions } from "./options"

const original = process.env.APP_URL

afterEach(() => {
  process.env.APP_URL = original
  resetEnvCache()
})

describe("session cookies", () => {
  it("are Secure (and __Secure- prefixed by next-auth) when the public URL is HTTPS", () => {
    process.env.APP_URL = "https://live.univ.example"
    resetEnvCache()
    expect(getAuthOptions().useSecureCookies).toBe(true)
  })

  it("are not Secure over plain HTTP (a browser would drop them)", () => {
    process.env.APP_URL = "http://localhost:3000"
    resetEnvCache()
    expect(getAuthOptions().useSecureCookies).toBe(false)
  })
})
