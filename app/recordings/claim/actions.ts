"use server"

import { revalidatePath } from "next/cache"

import { requireRole } from "@/lib/auth/session"
import { claimRecording } from "@/lib/recordings/claim-recording"

import { runAction, type FormState } from "@/app/_lib/adapters"

export async function claimRecordingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => claimRecording({ id: form.get("id") }, await requireRole("teacher")))
  revalidatePath("/recordings/claim")
  return result
}
