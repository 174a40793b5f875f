"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { createBuilding } from "@/lib/broadcasters/create-building"
import { deleteBuilding } from "@/lib/broadcasters/delete-building"
import { buildingInputSchema, deleteBuildingInputSchema, updateBuildingInputSchema } from "@/lib/broadcasters/schemas"
import { updateBuilding } from "@/lib/broadcasters/update-building"

import { invalidForm, runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function createBuildingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = buildingInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await createBuilding(input.data, admin.data)).id }))
}

export async function updateBuildingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = updateBuildingInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await updateBuilding(input.data, admin.data)).id }))
}

export async function deleteBuildingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = deleteBuildingInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  const result = await runAction(() => deleteBuilding(input.data, admin.data))
  if (!result?.ok) return result
  // The deleted row's page would be a 404: back to the list, where the notice confirms it.
  await setFlash("buildingDeleted", { name: result.data.name, moved: String(result.data.moved) })
  redirect("/admin/buildings")
}
