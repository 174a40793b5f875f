"use server"

import { revalidatePath } from "next/cache"

import { requireRole } from "@/lib/auth/session"
import { reassignVideo } from "@/lib/recordings/reassign-video"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function reassignVideoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => reassignVideo({ id: form.get("id"), owner: form.get("owner") }, await requireRole("admin")))
  if (result?.ok) {
    await setFlash("videoReassigned", { name: result.data.title.slice(0, 250), owner: result.data.ownerName.slice(0, 250) })
    revalidatePath("/admin/videos")
  }
  return result
}
