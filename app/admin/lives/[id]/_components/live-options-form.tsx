"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button } from "@/components/ui/button"
import { keepFormValues } from "@/components/ui/keep-form-values"
import { Notice } from "@/components/ui/notice"

import { updateLiveOptionsAction } from "../../actions"

const OPTIONS = ["showChat", "downloadMeeting", "enableChat", "showRoomChat", "isRestricted"] as const
type FieldErrorKey = "notABoolean" | "recordingDisabled" | "notFound"

/**
 * The live's options as checkboxes; a refused value shows its error under its checkbox and nothing changes.
 * The room's messages on the page need bbb-webhooks: without them that box is disabled, with the reason.
 */
export function LiveOptionsForm({ live, roomChatAvailable }: { live: { id: number } & Record<(typeof OPTIONS)[number], boolean>; roomChatAvailable: boolean }) {
  const t = useTranslations("adminLives")
  const tk = useTranslations("adminToolkit")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(updateLiveOptionsAction, null)
  const fieldError = (field: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined
    return key ? t(`errors.${key as FieldErrorKey}`) : null
  }
  const summary = state?.ok ? (state.data as { changed: boolean }).changed ? tk("saved") : t("unchanged") : state ? (state.fieldErrors ? tErrors("INVALID_INPUT") : tErrors(state.code)) : null
  return (
    <form action={action} onSubmit={keepFormValues(action)} className="mt-3 space-y-3" data-testid="live-options-form">
      <input type="hidden" name="liveId" value={live.id} />
      {summary && (
        <Notice tone={state?.ok ? "success" : "error"} testId="live-options-message">
          <p>{summary}</p>
        </Notice>
      )}
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("editTitle")}</legend>
        {OPTIONS.map((option) => {
          const error = fieldError(option)
          const unavailable = option === "showRoomChat" && !roomChatAvailable
          return (
            <div key={option}>
              <div className="flex items-start gap-2">
                <input
                  id={`option-${option}`}
                  type="checkbox"
                  name={option}
                  defaultChecked={live[option] && !unavailable}
                  disabled={unavailable}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`option-${option}-hint${error ? ` option-${option}-error` : ""}`}
                  className="mt-1 size-4 shrink-0"
                />
                <label htmlFor={`option-${option}`} className="text-sm">
                  <span className="block font-medium text-slate-800">{t(option)}</span>
                  <span id={`option-${option}-hint`} className="block text-slate-600">
                    {unavailable ? t("hints.showRoomChatUnavailable") : t(`hints.${option}`)}
                  </span>
                </label>
              </div>
              {error && (
                <p id={`option-${option}-error`} className="mt-1 ml-6 text-sm font-medium text-red-700" data-testid={`error-${option}`}>
                  {error}
                </p>
              )}
            </div>
          )
        })}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? tk("saving") : tk("save")}
      </Button>
    </form>
  )
}
