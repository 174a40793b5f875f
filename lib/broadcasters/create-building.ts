// An admin creates a building (a group of broadcasters on the Lives page); names are unique.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"

import type { BuildingInput } from "./schemas"

export async function createBuilding(input: BuildingInput, actor: AuditActor): Promise<{ id: number; name: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.building.create({ data: { name: input.name }, select: { id: true, name: true } })
      await recordAuditEntry(tx, actor, { action: "building.create", entity: { type: "building", id: created.id }, after: { name: created.name } })
      return created
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "building name taken", details: { field: "name" }, cause: error })
    }
    throw error
  }
}
