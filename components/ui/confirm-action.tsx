"use client"

import { useRouter } from "next/navigation"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useId, useState } from "react"

import type { FormState } from "@/app/_lib/adapters"

import { Button, type ButtonVariant } from "./button"

/**
 * A destructive or irreversible action (an admin's delete or stop, a teacher's stop) in two steps:
 * the button asks, the question and its confirm button appear in place, and only the confirmation
 * posts the server action. A refusal (e.g. "this live is still running") is shown under it, with its reason; a
 * success refreshes the page. An action whose success removes the page (a deletion) redirects
 * itself (`redirect()` in the action, after its flash), before the page could re-render as missing.
 */
export function ConfirmAction({
  action,
  fields,
  label,
  question,
  confirmLabel,
  pendingLabel,
  variant = "danger",
  testId,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  /** Hidden inputs posted with the confirmation (the row's id…). */
  fields: Record<string, string | number>
  label: string
  question: string
  confirmLabel: string
  pendingLabel: string
  variant?: ButtonVariant
  testId?: string
}) {
  const t = useTranslations("confirmAction")
  const tErrors = useTranslations("errors")
  const router = useRouter()
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [state, formAction, pending] = useActionState(action, null)
  useEffect(() => {
    // A refusal closes the question; its reason shows under the button.
    if (state && !state.ok) setAsking(false)
    if (state?.ok) router.refresh()
  }, [state, router])
  const error = state && !state.ok ? tErrors(state.code) : null
  return (
    <div className="space-y-2" data-testid={testId}>
      {asking ? (
        <form action={formAction} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" aria-labelledby={`${id}-question`}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p id={`${id}-question`} className="text-sm font-medium text-red-900">
            {question}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={variant} size="sm" disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
            <Button variant="secondary" size="sm" disabled={pending} onClick={() => setAsking(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant={variant === "danger" ? "secondary" : variant} size="sm" onClick={() => setAsking(true)} className={variant === "danger" ? "border-red-700 text-red-800 hover:bg-red-50" : undefined}>
          {label}
        </Button>
      )}
      <p role="status" aria-live="polite" className={error ? "text-sm font-medium text-red-700" : "sr-only"}>
        {error ?? ""}
      </p>
    </div>
  )
}
