import { describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { seedUser } from "@/prisma/seed/factories"

import { findSessionUser } from "./find-session-user"

describe("the account behind a session", () => {
  it("is read again at each request: deactivating or deleting the account ends its sessions", async () => {
    const user = await seedUser({ role: "TEACHER" })
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toMatchObject({ id: user.id, role: "TEACHER", username: user.username })

    await db.user.update({ where: { id: user.id }, data: { role: "STUDENT" } })
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toMatchObject({ role: "STUDENT" })

    // A session stamped with another version than the account's is worth nothing.
    expect(await findSessionUser({ userId: user.id, sessionVersion: 1 })).toBeNull()

    await db.user.update({ where: { id: user.id }, data: { isActive: false } })
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toBeNull()

    await db.user.delete({ where: { id: user.id } })
    expect(await findSessionUser({ userId: user.id, sessionVersion: 0 })).toBeNull()
  })
})
