// What creating and editing a broadcaster share: its slug follows the one slug rule of broadcasters
// (broadcaster-slug.ts), from the slug typed or else from the name, and is unique; its building exists.
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"

import { broadcasterSlug } from "./broadcaster-slug"
import type { BroadcasterInput } from "./schemas"

export function broadcasterData(input: BroadcasterInput) {
  return {
    name: input.name,
    slug: broadcasterSlug(input.slug ?? input.name),
    hlsUrl: input.hlsUrl,
    isRestricted: input.isRestricted,
    isPublic: input.isPublic,
    buildingId: input.buildingId,
  }
}

export async function writeCheckedBroadcaster<T>(tx: Prisma.TransactionClient, input: BroadcasterInput, slug: string, exceptId: number | null, write: () => Promise<T>): Promise<T> {
  if (!(await tx.building.findUnique({ where: { id: input.buildingId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", { message: "unknown building", details: { field: "buildingId" } })
  }
  const taken = await tx.broadcaster.findUnique({ where: { slug }, select: { id: true } })
  if (taken && taken.id !== exceptId) throw new AppError("CONFLICT", { message: "slug taken", details: { field: "slug" } })
  try {
    return await write()
  } catch (error) {
    // Another admin took the slug between the check and the write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "slug taken", details: { field: "slug" }, cause: error })
    }
    throw error
  }
}

