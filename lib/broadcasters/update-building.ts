// An admin renames a building; names are unique.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"

import type { UpdateBuildingInput } from "./schemas"

export async function updateBuilding(input: UpdateBuildingInput, actor: AuditActor): Promise<{ id: number; name: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.building.findUnique({ where: { id: input.buildingId }, select: { id: true, name: true } })
      if (!before) throw new AppError("NOT_FOUND")
      const after = await tx.building.update({ where: { id: before.id }, data: { name: input.name }, select: { id: true, name: true } })
      await recordAuditEntry(tx, actor, { action: "building.update", entity: { type: "building", id: after.id }, before: { name: before.name }, after: { name: after.name } })
      return after
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "building name taken", details: { field: "name" }, cause: error })
    }
    throw error
  }
}
