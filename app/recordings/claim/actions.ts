"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { claimRecording } from "@/lib/recordings/claim-recording"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function claimRecordingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => claimRecording({ id: form.get("id") }, await requireRole("teacher")))
  // The winner is taken to « Mes vidéos », where the video now is, with a notice; a loser keeps the row and its error.
  if (result?.ok) {
    await setFlash("recordingClaimed", { name: result.data.title.slice(0, 250) })
    redirect("/videos")
  }
  return result
}
