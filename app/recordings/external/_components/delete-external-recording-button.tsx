"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { deleteExternalRecordingAction } from "../actions"

export function DeleteExternalRecordingButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("externalRecordings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(deleteExternalRecordingAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={t("deleteLabel", { name })} className="text-sm font-medium text-red-700 hover:underline disabled:opacity-60">
        {pending ? t("deleting") : t("delete")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
