// The session cookie read as next-auth writes it: plain or split in chunks, from Next's cookie store
// or a parsed Cookie header; a forged one or none is nobody.
import { encode } from "next-auth/jwt"
import { expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"

import { sessionClaims } from "./session-cookie"

const sessionUserId = async (cookies: Parameters<typeof sessionClaims>[0]) => (await sessionClaims(cookies))?.userId ?? null

const NAME = "next-auth.session-token" // APP_URL is http in tests: no __Secure- prefix
const token = (uid: unknown) => encode({ token: { uid }, secret: getEnv().AUTH_SECRET })

it("reads the user id of a session cookie, from a plain record or a cookie store", async () => {
  const value = await token(42)
  expect(await sessionUserId({ [NAME]: value })).toBe(42)
  expect(await sessionUserId({ getAll: () => [{ name: NAME, value }, { name: "NEXT_LOCALE", value: "en" }] })).toBe(42)
})

it("reads a cookie next-auth split into chunks", async () => {
  const value = await token(7)
  const half = Math.ceil(value.length / 2)
  expect(await sessionUserId({ [`${NAME}.0`]: value.slice(0, half), [`${NAME}.1`]: value.slice(half) })).toBe(7)
})

it("is nobody without a cookie, with a forged one, or with a token that names no user", async () => {
  expect(await sessionUserId({})).toBeNull()
  const value = await token(42)
  expect(await sessionUserId({ [NAME]: `${value.slice(0, -4)}AAAA` })).toBeNull()
  expect(await sessionUserId({ [NAME]: await encode({ token: { uid: 42 }, secret: "another-secret-another-secret-0123" }) })).toBeNull()
  expect(await sessionUserId({ [NAME]: await token("42") })).toBeNull()
})

it("reads the session version the cookie was stamped with (0 for sessions issued before versions existed)", async () => {
  expect(await sessionClaims({ [NAME]: await encode({ token: { uid: 42, sv: 3 }, secret: getEnv().AUTH_SECRET }) })).toEqual({ userId: 42, sessionVersion: 3 })
  expect(await sessionClaims({ [NAME]: await token(42) })).toEqual({ userId: 42, sessionVersion: 0 })
})
