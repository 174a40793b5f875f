"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { requestExternalRecordingImportAction } from "../actions"

export function ImportExternalRecordingButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("externalRecordings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(requestExternalRecordingImportAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={t("importLabel", { name })} className="text-sm font-medium text-brand-700 hover:underline disabled:opacity-60">
        {pending ? t("importing") : t("import")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
