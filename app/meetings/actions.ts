"use server"

import { requireRole } from "@/lib/auth/session"
import { cancelLive } from "@/lib/lives/cancel-live"
import { cancelLiveInputSchema } from "@/lib/lives/schemas"

import { runAction, type FormState } from "@/app/_lib/adapters"

/** The teacher cancels a waiting live or stops a running one (the streamer really stops). */
export async function cancelLiveAction(_prev: FormState, form: FormData): Promise<FormState<{ status: string }>> {
  return runAction(async () => {
    const teacher = await requireRole("teacher")
    const input = cancelLiveInputSchema.parse(Object.fromEntries(form))
    const result = await cancelLive(input, teacher)
    return { status: result.status }
  })
}
