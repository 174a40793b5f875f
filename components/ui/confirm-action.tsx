"use client"

import { useRouter } from "next/navigation"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useId, useRef, useState } from "react"

import type { FormState } from "@/app/_lib/adapters"

import { Button, type ButtonVariant } from "./button"

/**
 * A destructive or irreversible action (an admin's delete or stop, a teacher's stop) in two steps:
 * the button asks, the question and its confirm button appear in place, and only the confirmation
 * posts the server action. A refusal (e.g. "this live is still running") is shown under it, with its reason; a
 * success closes the question, says `doneMessage` (when given) and refreshes the page. An action whose
 * success removes the page (a deletion) redirects itself (`redirect()` in the action, after its flash),
 * before the page could re-render as missing. Opening the question moves focus to its confirm button;
 * Escape or Cancel closes it, and focus goes back to the button that asked, as after a confirmation.
 */
export function ConfirmAction({
  action,
  fields,
  label,
  question,
  confirmLabel,
  pendingLabel,
  variant = "danger",
  doneMessage,
  ariaLabel,
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
  /** Said (role=status) after a success that keeps the page: « Compte désactivé. » */
  doneMessage?: string
  /** The asking button's accessible name when its label alone does not say which row it acts on. */
  ariaLabel?: string
  testId?: string
}) {
  const t = useTranslations("confirmAction")
  const tErrors = useTranslations("errors")
  const router = useRouter()
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [state, formAction, pending] = useActionState(action, null)
  const trigger = useRef<HTMLButtonElement>(null)
  const confirm = useRef<HTMLButtonElement>(null)
  // Focus follows the question: to its confirm button when it opens, back to the trigger when it closes.
  const [returnFocus, setReturnFocus] = useState(false)
  const close = () => {
    setAsking(false)
    setReturnFocus(true)
  }
  useEffect(() => {
    if (asking) confirm.current?.focus()
    else if (returnFocus) {
      trigger.current?.focus()
      setReturnFocus(false)
    }
  }, [asking, returnFocus])
  useEffect(() => {
    // A refusal or a success closes the question (the next one, e.g. « réactiver », is not open already).
    if (!state) return
    setAsking(false)
    setReturnFocus(true)
    if (state.ok) router.refresh()
  }, [state, router])
  const error = state && !state.ok ? tErrors(state.code) : null
  const done = state?.ok && !asking ? (doneMessage ?? null) : null
  return (
    <div className="space-y-2" data-testid={testId}>
      {asking ? (
        <form
          action={formAction}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          aria-labelledby={`${id}-question`}
          onKeyDown={(event) => {
            if (event.key === "Escape" && !pending) {
              event.preventDefault()
              close()
            }
          }}
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p id={`${id}-question`} className="text-sm font-medium text-red-900">
            {question}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirm} type="submit" variant={variant} size="sm" disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
            <Button variant="secondary" size="sm" disabled={pending} onClick={close}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={trigger} variant={variant === "danger" ? "secondary" : variant} size="sm" aria-label={ariaLabel} onClick={() => setAsking(true)} className={variant === "danger" ? "border-red-700 text-red-800 hover:bg-red-50" : undefined}>
          {label}
        </Button>
      )}
      <p role="status" aria-live="polite" className={error ? "text-sm font-medium text-red-700" : done ? "text-sm font-medium text-green-800" : "sr-only"} data-testid={testId ? `${testId}-status` : undefined}>
        {error ?? done ?? ""}
      </p>
    </div>
  )
}
