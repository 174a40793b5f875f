"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { createBroadcaster } from "@/lib/broadcasters/create-broadcaster"
import { deleteBroadcaster } from "@/lib/broadcasters/delete-broadcaster"
import { broadcasterInputSchema, deleteBroadcasterInputSchema, updateBroadcasterInputSchema } from "@/lib/broadcasters/schemas"
import { updateBroadcaster } from "@/lib/broadcasters/update-broadcaster"

import { invalidForm, runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function createBroadcasterAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = broadcasterInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await createBroadcaster(input.data, admin.data)).id }))
}

export async function updateBroadcasterAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = updateBroadcasterInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await updateBroadcaster(input.data, admin.data)).id }))
}

export async function deleteBroadcasterAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = deleteBroadcasterInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  const result = await runAction(() => deleteBroadcaster(input.data, admin.data))
  if (!result?.ok) return result
  // The deleted row's page would be a 404: back to the list, where the notice confirms it.
  await setFlash("broadcasterDeleted", { name: result.data.name })
  redirect("/admin/broadcasters")
}
