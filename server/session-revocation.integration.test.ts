// Issue 28 item 3: a session cookie replayed after sign-out, a password reset, a deactivation or a
// role change no longer answers GET /api/me (served by server.ts's own handler, here on a loopback
// port), on any app instance: the account's session version is in PostgreSQL.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { encode, type JWT } from "next-auth/jwt"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { getAuthOptions } from "@/lib/auth/options"
import { getEnv } from "@/lib/config/env"
import { resetUserPassword } from "@/lib/users/reset-user-password"
import { setUserActive } from "@/lib/users/set-user-active"
import { updateUser } from "@/lib/users/update-user"
import { seedUser } from "@/prisma/seed/factories"

import { serveMe } from "./viewer-server"

const COOKIE = "next-auth.session-token" // APP_URL is http in tests: no __Secure- prefix

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => void serveMe(request, response))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** The token next-auth writes at a credentials sign-in: our jwt callback, as next-auth calls it. */
async function signIn(userId: number): Promise<{ token: JWT; cookie: string }> {
  const jwt = getAuthOptions().callbacks!.jwt!
  const token = await jwt({ token: { sub: String(userId) }, user: { id: String(userId) }, account: { provider: "credentials", type: "credentials", providerAccountId: String(userId) }, trigger: "signIn" } as Parameters<typeof jwt>[0])
  return { token, cookie: `${COOKIE}=${await encode({ token, secret: getEnv().AUTH_SECRET })}` }
}

async function me(cookie: string): Promise<unknown> {
  const response = await fetch(`${base}/api/me`, { headers: { cookie } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { viewer: unknown }).viewer
}

describe("ending sessions", () => {
  it("sign-out: the old cookie replayed afterwards is nobody, and a new sign-in works", async () => {
    const user = await seedUser()
    const { token, cookie } = await signIn(user.id)
    expect(await me(cookie)).toMatchObject({ firstName: user.firstName })

    await getAuthOptions().events!.signOut!({ token, session: undefined as never })
    expect(await me(cookie)).toBeNull()
    // next-auth's own session endpoint does not renew it either (its jwt callback refuses it).
    const jwt = getAuthOptions().callbacks!.jwt!
    await expect(jwt({ token } as Parameters<typeof jwt>[0])).rejects.toThrow("session ended")

    const again = await signIn(user.id)
    expect(await me(again.cookie)).toMatchObject({ firstName: user.firstName })
    // Signing out again with the old, already ended session does not end the new one.
    await getAuthOptions().events!.signOut!({ token, session: undefined as never })
    expect(await me(again.cookie)).toMatchObject({ firstName: user.firstName })
  })

  it("a password reset, a deactivation and a role change end the account's sessions", async () => {
    const admin = await seedUser({ role: "ADMIN" })
    const user = await seedUser({ role: "TEACHER" })

    let session = await signIn(user.id)
    await resetUserPassword({ userId: user.id }, admin)
    expect(await me(session.cookie)).toBeNull()

    session = await signIn(user.id)
    await updateUser({ userId: user.id, firstName: user.firstName, lastName: user.lastName, role: "STUDENT", externalId: null }, admin)
    expect(await me(session.cookie)).toBeNull()

    // A rename alone keeps the session.
    session = await signIn(user.id)
    await updateUser({ userId: user.id, firstName: `${user.firstName}x`, lastName: user.lastName, role: "STUDENT", externalId: null }, admin)
    expect(await me(session.cookie)).toMatchObject({ firstName: `${user.firstName}x`, role: "STUDENT" })

    await setUserActive({ userId: user.id, isActive: false }, admin)
    await setUserActive({ userId: user.id, isActive: true }, admin)
    // Reactivated, the account signs in again: the session of before stays ended.
    expect(await me(session.cookie)).toBeNull()
    expect(await me((await signIn(user.id)).cookie)).toMatchObject({ role: "STUDENT" })
  })
})
