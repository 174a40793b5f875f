"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { claimRecording } from "@/lib/recordings/claim-recording"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function claimRecordingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => claimRecording({ id: form.get("id") }, await requireRole("teacher")))
  // The winner sees the list without the recording and a notice; a loser keeps the row and its error.
  if (result?.ok) {
    await setFlash("recordingClaimed")
    redirect("/recordings/claim")
  }
  return result
}
