import { randomUUID } from "node:crypto"

import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { upsertOidcUser } from "./upsert-oidc-user"

describe("upsertOidcUser", () => {
  it("creates an account with the default role on first sign-in, then finds it by subject", async () => {
    const sub = randomUUID()
    const email = `oidc-${sub}@univ.example`
    const created = await upsertOidcUser({ sub, email: email.toUpperCase(), given_name: "Chloé", family_name: "Dupré", preferred_username: `cdupre-${sub}` })
    expect(created).toMatchObject({ role: "STUDENT", firstName: "Chloé", lastName: "Dupré", email })
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } })
    expect(row).toMatchObject({ oidcSubject: sub, username: `cdupre-${sub}`, nameKeyFirstLast: "chloe dupre", passwordHash: null })

    const again = await upsertOidcUser({ sub, email, given_name: "Chloé", family_name: "Dupré-Martin" })
    expect(again.id).toBe(created.id)
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).nameKeyFirstLast).toBe("chloe dupre martin")
  })

  it("links an existing local account with the same e-mail instead of duplicating it", async () => {
    const local = await seedUser({ role: "TEACHER" })
    const linked = await upsertOidcUser({ sub: randomUUID(), email: local.email, given_name: local.firstName, family_name: local.lastName })
    expect(linked).toMatchObject({ id: local.id, role: "TEACHER" })
  })
})
