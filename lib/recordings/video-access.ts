// Who may watch and who may manage a video of « Mes vidéos ». Its owner and the admins always may;
// otherwise its sharing decides: PRIVATE nobody else, SIGNED_IN any signed-in account, LINK anyone
// holding its address (the address carries a random token, so only those given it can).
import type { Role, VideoSharing } from "@/lib/generated/prisma/client"

/** The sharings, in the order the form offers them (plain data: the browser's form reads it, without zod). */
export const VIDEO_SHARINGS = ["PRIVATE", "SIGNED_IN", "LINK"] as const satisfies readonly VideoSharing[]

export type VideoViewer = { id: number; role: Role } | null

export function mayManageVideo(video: { ownerId: number }, viewer: VideoViewer): boolean {
  return !!viewer && (viewer.id === video.ownerId || viewer.role === "ADMIN")
}

export function mayWatchVideo(video: { ownerId: number; sharing: VideoSharing }, viewer: VideoViewer): boolean {
  if (mayManageVideo(video, viewer)) return true
  if (video.sharing === "LINK") return true
  return video.sharing === "SIGNED_IN" && !!viewer
}
