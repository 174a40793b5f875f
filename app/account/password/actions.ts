"use server"

import { requireUser } from "@/lib/auth/session"
import { changeOwnPassword } from "@/lib/auth/change-own-password"
import { changePasswordInputSchema } from "@/lib/users/schemas"

import { invalidForm, runAction, type FormState } from "@/app/_lib/adapters"

/** Signed in → zod → the use case; success returns the username the page signs in again with. */
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState<{ username: string }>> {
  const user = await runAction(() => requireUser())
  if (!user?.ok) return user
  const input = changePasswordInputSchema.safeParse(Object.fromEntries(form))
  if (!input.success) return invalidForm(input.error)
  return runAction(() => changeOwnPassword(user.data, input.data))
}
