// What the admin pages and the audit log know of a broadcaster.
import type { Prisma } from "@/lib/generated/prisma/client"

export const adminBroadcasterSelect = {
  id: true,
  name: true,
  slug: true,
  hlsUrl: true,
  isOnAir: true,
  isRestricted: true,
  isPublic: true,
  buildingId: true,
  building: { select: { name: true } },
} satisfies Prisma.BroadcasterSelect

export type AdminBroadcaster = Prisma.BroadcasterGetPayload<{ select: typeof adminBroadcasterSelect }>

export function broadcasterAuditValues(b: AdminBroadcaster) {
  return { name: b.name, slug: b.slug, hlsUrl: b.hlsUrl, isRestricted: b.isRestricted, isPublic: b.isPublic, buildingId: b.buildingId, building: b.building.name }
}
