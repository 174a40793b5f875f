// Adds an external recording (BBB playback, PeerTube, YouTube or a video file) to the teacher's list.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"

import { type CreateExternalRecordingInput, createExternalRecordingInputSchema } from "./schemas"

export async function createExternalRecording(input: CreateExternalRecordingInput, owner: { id: number }) {
  const data = createExternalRecordingInputSchema.parse(input)
  try {
    return await db.externalRecording.create({
      data: { name: data.name, type: data.type, sourceUrl: data.sourceUrl, startAt: new Date(), ownerId: owner.id, uploadedById: owner.id },
      select: { id: true },
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "this URL is already in the list", cause: error })
    }
    throw error
  }
}
