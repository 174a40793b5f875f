"use client"

import { useActionState } from "react"
import { useTranslations } from "next-intl"

import type { FormState } from "@/app/_lib/adapters"

import { Button, type ButtonVariant } from "./button"

/**
 * A one-button form posting a server action with hidden fields (claim, import, delete a row): the
 * button says it is working while the action runs, and a refusal is shown under it, translated.
 * For a destructive action that must be confirmed first, use `ConfirmAction`.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  ariaLabel,
  variant,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  /** Hidden inputs posted with the button (the row's id…), in this order. */
  fields: Record<string, string | number>
  label: string
  pendingLabel: string
  /** The button's accessible name when its label alone does not say which row it acts on. */
  ariaLabel?: string
  variant?: ButtonVariant
}) {
  const tErrors = useTranslations("errors")
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm" disabled={pending} aria-label={ariaLabel}>
        {pending ? pendingLabel : label}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
