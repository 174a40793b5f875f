import { db } from "@/lib/db"

import type { AdminBuilding } from "./list-admin-buildings"

/** One building as the admin's edit page shows it (with its broadcaster count), or null. */
export async function getBuildingForAdmin(buildingId: number): Promise<AdminBuilding | null> {
  const building = await db.building.findUnique({
    where: { id: buildingId },
    select: { id: true, name: true, createdAt: true, _count: { select: { broadcasters: true } } },
  })
  return building && { id: building.id, name: building.name, createdAt: building.createdAt, broadcasterCount: building._count.broadcasters }
}
