// The broadcaster ("diffuseur") of a starting live (domain flow 5): named "[BBB] <meeting name>", one
// slug rule used everywhere (slugify), unique, its HLS URL <POD_HLS_STREAM><stream key>.m3u8,
// restricted as the live asks, in the default building. Created off air; the live goes on air when
// its streamer runs. Idempotent: a live that already has one keeps it.
import slugify from "slugify"

import { getEnv } from "@/lib/config/env"
import type { Prisma } from "@/lib/generated/prisma/client"

/** The one slug rule of broadcasters (the original guessed slugs differently in PHP and Django). */
export function broadcasterSlug(name: string): string {
  const slug = slugify(name, { lower: true, strict: true, locale: "fr", trim: true })
  return (slug || "direct").slice(0, 80).replace(/-+$/, "")
}

export function broadcasterName(meetingName: string): string {
  return `[BBB] ${meetingName}`
}

export function hlsUrl(streamKey: string): string {
  return new URL(`${streamKey}.m3u8`, getEnv().POD_HLS_STREAM).toString()
}

export async function createLiveBroadcaster(
  tx: Prisma.TransactionClient,
  live: { id: number; meetingName: string; streamKey: string; isRestricted: boolean },
): Promise<number> {
  const existing = await tx.live.findUniqueOrThrow({ where: { id: live.id }, select: { broadcasterId: true } })
  if (existing.broadcasterId) return existing.broadcasterId
  // ON CONFLICT DO NOTHING: lives starting at the same moment all find the one default building.
  const buildingName = getEnv().DEFAULT_BUILDING_NAME
  await tx.building.createMany({ data: [{ name: buildingName }], skipDuplicates: true })
  const building = await tx.building.findUniqueOrThrow({ where: { name: buildingName }, select: { id: true } })
  const name = broadcasterName(live.meetingName)
  const base = `bbb-${broadcasterSlug(live.meetingName)}`
  // Unique slug: the name's slug, else suffixed with the live's id (stable, never a guess).
  const taken = await tx.broadcaster.findUnique({ where: { slug: base }, select: { id: true } })
  const slug = taken ? `${base}-${live.id}` : base
  const broadcaster = await tx.broadcaster.create({
    data: { name, slug, hlsUrl: hlsUrl(live.streamKey), isOnAir: false, isRestricted: live.isRestricted, isPublic: true, buildingId: building.id },
    select: { id: true },
  })
  await tx.live.update({ where: { id: live.id }, data: { broadcasterId: broadcaster.id, pageSlug: slug } })
  return broadcaster.id
}
