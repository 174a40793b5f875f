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
  // A re-post is told that nothing was added, whatever the live's state. A new live's notice is about
  // its start ("il démarre dans quelques instants"): it goes once the live is no longer requested or starting.
  if (!result.data.created) await setFlash("liveAlreadyRequested")
  else await setFlash(result.data.signalled ? "liveRequested" : "liveNotSignalled", {}, { scope: liveStartScope(result.data.liveId) })
  redirect("/meetings")
}
