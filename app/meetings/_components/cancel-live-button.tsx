"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"
import { ConfirmAction } from "@/components/ui/confirm-action"

import { cancelLiveAction } from "../actions"

/**
 * "Annuler la demande" for a live that waits (one click: nothing is on air yet); "Arrêter le direct"
 * for one that starts or runs, confirmed inline (the same step as the admin's stop, never the
 * browser's confirm()): it stops the broadcast, the BBB session goes on.
 */
export function CancelLiveButton({ liveId, running }: { liveId: number; running: boolean }) {
  const t = useTranslations("meetings")
  if (running) {
    return (
      <ConfirmAction
        action={cancelLiveAction}
        fields={{ liveId }}
        label={t("stop")}
        question={t("stopQuestion")}
        confirmLabel={t("stopConfirm")}
        pendingLabel={t("stopping")}
        testId="stop-live"
      />
    )
  }
  return <CancelRequestButton liveId={liveId} />
}

function CancelRequestButton({ liveId }: { liveId: number }) {
  const t = useTranslations("meetings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(cancelLiveAction, null)
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="liveId" value={liveId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {t("cancel")}
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {tErrors(state.code)}
        </span>
      )}
    </form>
  )
}
