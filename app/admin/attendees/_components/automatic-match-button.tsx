"use client"

import { useRouter } from "next/navigation"
import { useTranslations } from "next-intl"
import { useActionState, useEffect } from "react"

import { Button } from "@/components/ui/button"

import { assignAttendeeAction } from "../actions"

/** Hands a participant linked by an admin back to automatic matching (by name or external id). */
export function AutomaticMatchButton({ attendeeId }: { attendeeId: number }) {
  const t = useTranslations("adminAttendees")
  const tErrors = useTranslations("errors")
  const router = useRouter()
  const [state, action, pending] = useActionState(assignAttendeeAction, null)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="attendeeId" value={attendeeId} />
      <input type="hidden" name="username" value="" />
      <p className="text-sm text-slate-600">{t("automaticHelp")}</p>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? t("assigning") : t("automatic")}
      </Button>
      <p role="status" aria-live="polite" className={state && !state.ok ? "text-sm font-medium text-red-700" : "sr-only"}>
        {state && !state.ok ? tErrors(state.code) : ""}
      </p>
    </form>
  )
}
