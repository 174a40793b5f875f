"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { claimRecordingAction } from "../actions"

export function ClaimButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("claim")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(claimRecordingAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={t("claimLabel", { title })} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("claiming") : t("claim")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
