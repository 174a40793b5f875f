"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"

import { deleteExternalRecordingAction } from "../actions"

export function DeleteExternalRecordingButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("externalRecordings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(deleteExternalRecordingAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={t("deleteLabel", { name })}>
        {pending ? t("deleting") : t("delete")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
