// Admin « Vidéos »: every video with its owner, newest first (a recording the migration gave to
// SCRIPT_ADMIN_ID shows under that account until it is given to its teacher).
import { db } from "@/lib/db"

import { VIDEO_SELECT, withFileSizes } from "./list-my-videos"

export async function listAllVideos() {
  const rows = await db.draftVideo.findMany({
    where: { deletedAt: null },
    select: { ...VIDEO_SELECT, owner: { select: { id: true, username: true, firstName: true, lastName: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1000,
  })
  return withFileSizes(rows)
}
export type AdminVideoView = Awaited<ReturnType<typeof listAllVideos>>[number]
