"use server"

import { requireRole } from "@/lib/auth/session"
import { assignAttendee } from "@/lib/meetings/assign-attendee"
import { assignAttendeeInputSchema } from "@/lib/meetings/schemas"

import { runAction, type FormState } from "@/app/_lib/adapters"
import { setFlash } from "@/app/_lib/flash"

export async function assignAttendeeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await runAction(async () => {
    const admin = await requireRole("admin")
    const input = assignAttendeeInputSchema.parse(Object.fromEntries(form))
    return assignAttendee(input, admin)
  })
  // The row leaves the list once linked: the confirmation is a page notice, not a row message.
  if (result?.ok && result.data.user) {
    const { fullName, user } = result.data
    await setFlash("attendeeAssigned", { fullName, name: user.name, username: user.username })
  } else if (result?.ok) {
    await setFlash("attendeeAutomatic", { fullName: result.data.fullName })
  }
  return result
}
