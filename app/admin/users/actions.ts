"use server"

import { requireRole } from "@/lib/auth/session"
import { createUserAsAdmin } from "@/lib/users/create-user-as-admin"
import { resetUserPassword } from "@/lib/users/reset-user-password"
import { adminCreateUserInputSchema, setUserActiveInputSchema, updateUserInputSchema, userIdInputSchema } from "@/lib/users/schemas"
import { setUserActive } from "@/lib/users/set-user-active"
import { updateUser } from "@/lib/users/update-user"

import { invalidForm, runAction, type FormState } from "@/app/_lib/adapters"

// Each action: admin checked on the server → zod → one use case (audited there) → a value for the form.

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = adminCreateUserInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  // The temporary password goes back to this form only: never in a cookie, a URL or a log.
  return runAction(async () => {
    const { user, temporaryPassword } = await createUserAsAdmin(input.data, admin.data)
    return { id: user.id, href: `/admin/users/${user.id}`, temporaryPassword }
  })
}

export async function updateUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = updateUserInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await updateUser(input.data, admin.data)).id }))
}

export async function setUserActiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = setUserActiveInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ id: (await setUserActive(input.data, admin.data)).id }))
}

export async function resetUserPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await runAction(() => requireRole("admin"))
  if (!admin?.ok) return admin
  const input = userIdInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(async () => ({ temporaryPassword: (await resetUserPassword(input.data, admin.data)).temporaryPassword }))
}
