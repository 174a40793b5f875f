"use server"

import { redirect } from "next/navigation"

import { requireRole } from "@/lib/auth/session"
import { requestLive } from "@/lib/lives/request-live"
import { requestLiveInputSchema } from "@/lib/lives/schemas"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { liveStartScope, setFlash } from "@/app/_lib/flash"

export async function requestLiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const teacher = await requireRole("teacher")
    const input = requestLiveInputSchema.parse(Object.fromEntries(form))
    return requestLive(input, teacher)
  })
  if (!result?.ok) return result
  // About the live's start: the notice goes once the live is no longer requested or starting.
  const key = !result.data.created ? "liveAlreadyRequested" : result.data.signalled ? "liveRequested" : "liveNotSignalled"
  await setFlash(key, {}, { scope: liveStartScope(result.data.liveId) })
  redirect("/meetings")
}
