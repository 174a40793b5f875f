// An admin deletes a building. One that still groups broadcasters is never deleted silently: without
// a building to move them to, it is refused (BUILDING_NOT_EMPTY); with one, they move there first.
import { recordAuditEntry, type AuditActor } from "@/lib/audit/record-audit-entry"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import type { DeleteBuildingInput } from "./schemas"

export async function deleteBuilding(input: DeleteBuildingInput, actor: AuditActor): Promise<{ name: string; moved: number }> {
  return db.$transaction(async (tx) => {
    // Locks the row: no broadcaster joins it between the count and the delete.
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM buildings WHERE id = ${input.buildingId} FOR UPDATE`
    if (!locked) throw new AppError("NOT_FOUND")
    const count = await tx.broadcaster.count({ where: { buildingId: input.buildingId } })
    let moveTo: { id: number; name: string } | null = null
    if (count > 0) {
      if (!input.moveToBuildingId) throw new AppError("BUILDING_NOT_EMPTY", { details: { field: "moveToBuildingId" } })
      if (input.moveToBuildingId === input.buildingId) throw new AppError("INVALID_INPUT", { details: { field: "moveToBuildingId" } })
      moveTo = await tx.building.findUnique({ where: { id: input.moveToBuildingId }, select: { id: true, name: true } })
      if (!moveTo) throw new AppError("INVALID_INPUT", { details: { field: "moveToBuildingId" } })
      await tx.broadcaster.updateMany({ where: { buildingId: input.buildingId }, data: { buildingId: moveTo.id } })
    }
    const before = await tx.building.delete({ where: { id: input.buildingId }, select: { id: true, name: true } })
    await recordAuditEntry(tx, actor, {
      action: "building.delete",
      entity: { type: "building", id: before.id },
      before: { name: before.name, broadcasters: count },
      after: moveTo ? { broadcastersMovedTo: { id: moveTo.id, name: moveTo.name }, moved: count } : undefined,
    })
    return { name: before.name, moved: count }
  })
}
