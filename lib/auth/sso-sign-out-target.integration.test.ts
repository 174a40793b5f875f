// Where an SSO session's sign-out leads, read from a discovery document served over HTTP by a
// stand-in provider (the full flow with a real provider is e2e/sso.spec.ts).
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"

import { getOidcDiscovery } from "./oidc-discovery"
import { ssoSignOutTarget } from "./sso-sign-out-target"

let server: Server
let issuer: string
let endSession: string | undefined

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url !== "/.well-known/openid-configuration") return response.writeHead(404).end()
    response.writeHead(200, { "content-type": "application/json" })
    response.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, ...(endSession ? { end_session_endpoint: endSession } : {}) }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const SETTINGS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_LOGOUT"]
afterEach(() => {
  for (const key of SETTINGS) delete process.env[key]
  resetEnvCache()
})

function withSettings(settings: Record<string, string> = {}) {
  Object.assign(process.env, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "pod-live", OIDC_CLIENT_SECRET: "secret", ...settings })
  resetEnvCache()
}

describe("ssoSignOutTarget", () => {
  it("offers the provider's sign-out on the sign-in page by default, or goes there at once with OIDC_LOGOUT=always", async () => {
    endSession = `${issuer}/session/end`
    withSettings()
    expect(await ssoSignOutTarget()).toBe("http://localhost:3100/login?signedOut=sso")

    withSettings({ OIDC_LOGOUT: "always" })
    const target = new URL(await ssoSignOutTarget())
    expect(`${target.origin}${target.pathname}`).toBe(endSession)
    expect(Object.fromEntries(target.searchParams)).toEqual({ client_id: "pod-live", post_logout_redirect_uri: "http://localhost:3100/login?signedOut=1" })
  })

  it("goes to the Directs page when the provider offers no end_session_endpoint, the setting is off, or the provider is down", async () => {
    endSession = undefined
    withSettings({ OIDC_LOGOUT: "always" })
    expect(await ssoSignOutTarget()).toBe("http://localhost:3100/lives")

    endSession = `${issuer}/session/end`
    withSettings({ OIDC_LOGOUT: "off" })
    expect(await ssoSignOutTarget()).toBe("http://localhost:3100/lives")

    withSettings({ OIDC_LOGOUT: "always", OIDC_ISSUER: "http://127.0.0.1:9" })
    expect(await getOidcDiscovery()).toBeNull()
    expect(await ssoSignOutTarget()).toBe("http://localhost:3100/lives")
  })
})
