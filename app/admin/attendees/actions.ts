"use server"

import { requireRole } from "@/lib/auth/session"
import { assignAttendee } from "@/lib/meetings/assign-attendee"
import { assignAttendeeInputSchema } from "@/lib/meetings/schemas"

import { runAction, type FormState } from "@/app/_lib/adapters"

export async function assignAttendeeAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction(async () => {
    const admin = await requireRole("admin")
    const input = assignAttendeeInputSchema.parse(Object.fromEntries(form))
    return assignAttendee(input, admin)
  })
}
