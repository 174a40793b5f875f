"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"

import { requestExternalRecordingImportAction } from "../actions"

export function ImportExternalRecordingButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("externalRecordings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(requestExternalRecordingImportAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <Button type="submit" size="sm" disabled={pending} aria-label={t("importLabel", { name })}>
        {pending ? t("importing") : t("import")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
