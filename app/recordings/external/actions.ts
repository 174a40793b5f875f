"use server"

import { revalidatePath } from "next/cache"

import { requireRole } from "@/lib/auth/session"
import { createExternalRecording } from "@/lib/recordings/create-external-recording"
import { deleteExternalRecording } from "@/lib/recordings/delete-external-recording"
import { requestExternalRecordingImport } from "@/lib/recordings/request-external-recording-import"
import { createExternalRecordingInputSchema } from "@/lib/recordings/schemas"

import { invalidForm, runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

/** The recording's name, sent by its row's form, for the notice only. */
const nameOf = (form: FormData) => String(form.get("name") ?? "").slice(0, 250)

export async function createExternalRecordingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = createExternalRecordingInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) {
    // still refuse anonymous visitors first: their errors are not about the form
    const auth = await runAction(() => requireRole("teacher"))
    return auth?.ok ? invalidForm(input.error) : auth
  }
  const result = await runAction(async () => createExternalRecording(input.data, await requireRole("teacher")))
  if (result?.ok) revalidatePath("/recordings/external")
  return result
}

export async function deleteExternalRecordingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => deleteExternalRecording({ id: form.get("id") }, await requireRole("teacher")))
  if (result?.ok) {
    await setFlash("externalRecordingDeleted", { name: nameOf(form) })
    revalidatePath("/recordings/external")
  }
  return result
}

export async function requestExternalRecordingImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => requestExternalRecordingImport({ id: form.get("id") }, await requireRole("teacher")))
  if (result?.ok) await setFlash("externalImportRequested", { name: nameOf(form) })
  revalidatePath("/recordings/external")
  revalidatePath("/videos")
  return result
}
