"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"

import { claimRecordingAction } from "../actions"

export function ClaimButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("claim")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(claimRecordingAction, null)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" disabled={pending} aria-label={t("claimLabel", { title })}>
        {pending ? t("claiming") : t("claim")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {tErrors(state.code)}
        </p>
      )}
    </form>
  )
}
