"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { deleteLive } from "@/lib/lives/delete-live"
import { adminLiveInputSchema, updateLiveOptionsInputSchema } from "@/lib/lives/schemas"
import { stopLiveByAdmin } from "@/lib/lives/stop-live-by-admin"
import { updateLiveOptions } from "@/lib/lives/update-live-options"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function updateLiveOptionsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(async () => {
    const admin = await requireRole("admin")
    return updateLiveOptions(updateLiveOptionsInputSchema.parse(Object.fromEntries(form)), admin)
  })
}

export async function stopLiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(async () => {
    const admin = await requireRole("admin")
    return stopLiveByAdmin(adminLiveInputSchema.parse(Object.fromEntries(form)), admin)
  })
}

export async function deleteLiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const admin = await requireRole("admin")
    return deleteLive(adminLiveInputSchema.parse(Object.fromEntries(form)), admin)
  })
  // The live's page no longer exists: go back to the list (in the action, before the page re-renders).
  if (result?.ok) {
    await setFlash("adminLiveDeleted", { id: String(result.data.liveId) })
    redirect("/admin/lives")
  }
  return result
}
