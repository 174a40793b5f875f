// A video its owner (or an admin) may change: someone else's, or a deleted one, is "not found".
import type { Prisma } from "@/lib/generated/prisma/client"
import { AppError } from "@/lib/errors"

import { mayManageVideo, type VideoViewer } from "./video-access"

export async function findManagedVideo(tx: Prisma.TransactionClient, id: number, actor: VideoViewer) {
  const row = await tx.draftVideo.findFirst({ where: { id, deletedAt: null }, select: { id: true, ownerId: true, title: true, sourcePath: true, sharing: true } })
  if (!row || !mayManageVideo(row, actor)) throw new AppError("NOT_FOUND", { message: `no video ${id} this account may change` })
  return row
}
