"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { requestLiveAction } from "../actions"

type Option = "isRestricted" | "showChat" | "downloadMeeting" | "enableChat"

export function RequestLiveForm({ meetingId, showDownloadOption }: { meetingId: number; showDownloadOption: boolean }) {
  const t = useTranslations("liveRequest")
  const tErrors = useTranslations("errors")
  const tMeetings = useTranslations("meetings")
  const [state, action, pending] = useActionState(requestLiveAction, null)
  const options: { name: Option; checked: boolean }[] = [
    { name: "isRestricted", checked: false },
    { name: "showChat", checked: true },
    ...(showDownloadOption ? [{ name: "downloadMeeting" as const, checked: false }] : []),
    { name: "enableChat", checked: false },
  ]
  const error = state && !state.ok ? (state.code === "LIVE_CAP_REACHED" ? tMeetings("busy") : tErrors(state.code)) : null
  return (
    <form action={action} className="mt-4 space-y-5">
      <p className="text-slate-700">{t("instructions")}</p>
      <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 px-3 py-2 text-brand-800">{t("autoStop")}</p>
      <p role="alert" aria-live="assertive" className={error ? "rounded-md bg-red-50 px-3 py-2 text-red-800" : "sr-only"} data-testid="form-error">
        {error ?? ""}
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-medium">{t("options")}</legend>
        {options.map((o) => (
          <div key={o.name} className="flex gap-3">
            <input
              id={o.name}
              name={o.name}
              type="checkbox"
              defaultChecked={o.checked}
              aria-describedby={`${o.name}-help`}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <div>
              <label htmlFor={o.name} className="font-medium uppercase tracking-wide text-slate-800">
                {t(o.name)}
              </label>
              <p id={`${o.name}-help`} className="text-sm text-slate-600">
                {t(`${o.name}Help`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <p className="text-sm text-slate-600">{t("remark")}</p>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  )
}
