import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { createUser } from "./create-user"
import { verifyCredentials } from "./verify-credentials"

describe("local accounts", () => {
  it("accept the right password by username or e-mail, and store only a hash", async () => {
    const user = await seedUser({ role: "TEACHER", firstName: "Hélène", lastName: "Lefèvre" })
    expect(await verifyCredentials({ username: user.username, password: user.password })).toMatchObject({
      id: user.id,
      role: "TEACHER",
      name: "Hélène Lefèvre",
    })
    expect(await verifyCredentials({ username: user.email.toUpperCase(), password: user.password })).toMatchObject({ id: user.id })
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } })
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/)
    expect(row.passwordHash).not.toContain(user.password)
    expect(row.nameKeyFirstLast).toBe("helene lefevre")
    expect(row.nameKeyLastFirst).toBe("lefevre helene")
  })

  it("refuse a wrong password, an unknown user, a disabled account and malformed input", async () => {
    const user = await seedUser()
    expect(await verifyCredentials({ username: user.username, password: "wrong-password" })).toBeNull()
    expect(await verifyCredentials({ username: "nobody-here", password: user.password })).toBeNull()
    expect(await verifyCredentials({ username: "", password: "" })).toBeNull()
    expect(await verifyCredentials(null)).toBeNull()
    await db.user.update({ where: { id: user.id }, data: { isActive: false } })
    expect(await verifyCredentials({ username: user.username, password: user.password })).toBeNull()
  })

  it("refuse an account without a local password (OIDC only)", async () => {
    const user = await seedUser()
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } })
    expect(await verifyCredentials({ username: user.username, password: user.password })).toBeNull()
  })

  it("keep usernames and e-mails unique with a typed conflict", async () => {
    const user = await seedUser()
    await expect(
      createUser({ email: "other@example.test", username: user.username, firstName: "A", lastName: "B" }),
    ).rejects.toMatchObject({ code: "CONFLICT" })
  })
})
