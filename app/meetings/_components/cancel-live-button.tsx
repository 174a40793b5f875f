"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"

import { cancelLiveAction } from "../actions"

/** "Annuler" for a live that waits, "Arrêter le direct" (after confirmation) for one that starts or runs. */
export function CancelLiveButton({ liveId, running }: { liveId: number; running: boolean }) {
  const t = useTranslations("meetings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(cancelLiveAction, null)
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (running && !window.confirm(t("stopConfirm"))) event.preventDefault()
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="liveId" value={liveId} />
      <Button type="submit" variant={running ? "danger" : "secondary"} size="sm" disabled={pending}>
        {running ? t("stop") : t("cancel")}
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {tErrors(state.code)}
        </span>
      )}
    </form>
  )
}
