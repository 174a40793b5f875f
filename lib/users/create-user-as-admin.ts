// An admin creates an account: a temporary password is generated and returned once, for the admin to
// hand over (never stored in clear, never logged, never audited). The new name may be the moderator
// a running meeting was waiting for: the account is matched at once (domain flow 2). The account must
// choose its own password at its first sign-in (lib/auth/change-own-password.ts).
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { rematchUser } from "@/lib/meetings/rematch-user"

import { adminUserSelect, userAuditValues, type AdminUser } from "./admin-user-fields"
import { hashPassword } from "./create-user"
import type { AdminCreateUserInput } from "./schemas"
import { temporaryPassword } from "./temporary-password"
import { uniqueViolationField } from "./unique-violation-field"

export async function createUserAsAdmin(input: AdminCreateUserInput, actor: AuditActor): Promise<{ user: AdminUser; temporaryPassword: string }> {
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { ...input, ...userNameKeys(input.firstName, input.lastName), passwordHash, mustChangePassword: true },
        select: adminUserSelect,
      })
      await recordAuditEntry(tx, actor, { action: "user.create", entity: { type: "user", id: created.id }, after: userAuditValues(created) })
      await rematchUser(created.id, { tx })
      return created
    })
    return { user, temporaryPassword: password }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "already taken", details: { field: uniqueViolationField(error, ["username", "email", "externalId"]) }, cause: error })
    }
    throw error
  }
}
