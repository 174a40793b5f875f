import { db } from "@/lib/db"

export type OnAirBroadcaster = {
  slug: string
  name: string
  isRestricted: boolean
  startedAt: Date | null
}

export type OnAirBuilding = { name: string; broadcasters: OnAirBroadcaster[] }

/**
 * The Directs list: broadcasters on air, per building (buildings and broadcasters by name). Restricted
 * ones are listed to everyone (marked): their page sends anonymous visitors to sign-in.
 */
export async function listOnAirBroadcasters(): Promise<OnAirBuilding[]> {
  const rows = await db.broadcaster.findMany({
    where: { isOnAir: true, isPublic: true },
    select: { slug: true, name: true, isRestricted: true, building: { select: { name: true } }, live: { select: { isRestricted: true, startedAt: true } } },
    orderBy: [{ building: { name: "asc" } }, { name: "asc" }],
  })
  const buildings: OnAirBuilding[] = []
  for (const r of rows) {
    let building = buildings.at(-1)
    if (building?.name !== r.building.name) buildings.push((building = { name: r.building.name, broadcasters: [] }))
    building.broadcasters.push({ slug: r.slug, name: r.name, isRestricted: r.isRestricted || !!r.live?.isRestricted, startedAt: r.live?.startedAt ?? null })
  }
  return buildings
}
