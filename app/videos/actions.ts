"use server"

import { revalidatePath } from "next/cache"

import { requireRole } from "@/lib/auth/session"
import { deleteVideo } from "@/lib/recordings/delete-video"
import { renameVideo } from "@/lib/recordings/rename-video"
import { setVideoSharing } from "@/lib/recordings/set-video-sharing"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function renameVideoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => renameVideo({ id: form.get("id"), title: form.get("title") }, await requireRole("teacher")))
  if (result?.ok) revalidatePath("/videos")
  return result
}

export async function setVideoSharingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => setVideoSharing({ id: form.get("id"), sharing: form.get("sharing") }, await requireRole("teacher")))
  if (result?.ok) revalidatePath("/videos")
  return result
}

export async function deleteVideoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => deleteVideo({ id: form.get("id") }, await requireRole("teacher")))
  if (result?.ok) {
    await setFlash("videoDeleted", { name: result.data.title.slice(0, 250) })
    revalidatePath("/videos")
  }
  return result
}
