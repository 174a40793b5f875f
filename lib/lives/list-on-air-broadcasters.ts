import { db } from "@/lib/db"

export type OnAirBroadcaster = {
  slug: string
  name: string
  isRestricted: boolean
  buildingName: string
}

/** Broadcasters on air, grouped by the page per building; restricted ones are listed to everyone. */
export async function listOnAirBroadcasters(): Promise<OnAirBroadcaster[]> {
  const rows = await db.broadcaster.findMany({
    where: { isOnAir: true, isPublic: true },
    select: { slug: true, name: true, isRestricted: true, building: { select: { name: true } } },
    orderBy: [{ building: { name: "asc" } }, { name: "asc" }],
  })
  return rows.map((r) => ({ slug: r.slug, name: r.name, isRestricted: r.isRestricted, buildingName: r.building.name }))
}
