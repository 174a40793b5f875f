// The broadcaster ("diffuseur") of a starting live (domain flow 5): named "[BBB] <meeting name>", its
// HLS URL <POD_HLS_STREAM><stream key>.m3u8, restricted as the live asks, in the default building
// (created on first use), off air: the live goes on air when its streamer runs. The slug is the live's
// page address, which lib/lives/attach-live-broadcaster.ts chooses (it is the session's).
import { getEnv } from "@/lib/config/env"
import type { Prisma } from "@/lib/generated/prisma/client"

/** Marks a live's broadcaster among Pod's own ones (the admin lists, Pod's directory). */
const LIVE_BROADCASTER_PREFIX = "[BBB] "

export function broadcasterName(meetingName: string): string {
  return `${LIVE_BROADCASTER_PREFIX}${meetingName}`
}

/**
 * The title a viewer reads for a broadcaster: its name without the technical « [BBB] » prefix, i.e.
 * the session's name. Another name (a broadcaster of Pod's own) is shown as it is.
 */
export function broadcasterDisplayName(name: string): string {
  return name.startsWith(LIVE_BROADCASTER_PREFIX) ? name.slice(LIVE_BROADCASTER_PREFIX.length).trim() || name : name
}

export function hlsUrl(streamKey: string): string {
  return new URL(`${streamKey}.m3u8`, getEnv().POD_HLS_STREAM).toString()
}

export async function createLiveBroadcaster(
  tx: Prisma.TransactionClient,
  live: { meetingName: string; slug: string; streamKey: string; isRestricted: boolean },
): Promise<number> {
  // ON CONFLICT DO NOTHING: lives starting at the same moment all find the one default building.
  const buildingName = getEnv().DEFAULT_BUILDING_NAME
  await tx.building.createMany({ data: [{ name: buildingName }], skipDuplicates: true })
  // Building names are unique whatever their case: "direct" is the building DEFAULT_BUILDING_NAME="Direct" names.
  const [building] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM buildings WHERE lower(name) = lower(${buildingName})`
  if (!building) throw new Error(`building ${buildingName} not found`)
  const broadcaster = await tx.broadcaster.create({
    data: {
      name: broadcasterName(live.meetingName),
      slug: live.slug,
      hlsUrl: hlsUrl(live.streamKey),
      isOnAir: false,
      isRestricted: live.isRestricted,
      isPublic: true,
      buildingId: building.id,
    },
    select: { id: true },
  })
  return broadcaster.id
}
