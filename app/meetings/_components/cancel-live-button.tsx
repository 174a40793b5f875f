"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

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
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {running ? t("stop") : t("cancel")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {tErrors(state.code)}
        </span>
      )}
    </form>
  )
}
