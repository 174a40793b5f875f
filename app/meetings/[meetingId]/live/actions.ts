"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { requestLive } from "@/lib/lives/request-live"
import { requestLiveInputSchema } from "@/lib/lives/schemas"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function requestLiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const teacher = await requireRole("teacher")
    const input = requestLiveInputSchema.parse(Object.fromEntries(form))
    return requestLive(input, teacher)
  })
  if (!result?.ok) return result
  await setFlash(!result.data.created ? "liveAlreadyRequested" : result.data.signalled ? "liveRequested" : "liveNotSignalled")
  redirect("/meetings")
}
