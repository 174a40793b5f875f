"use client"

import Link from "next/link"
import { useTranslations } from "next-intl"
import { useActionState } from "react"

import { Button, buttonClasses } from "@/components/ui/button"
import { Notice } from "@/components/ui/notice"

import { requestLiveAction } from "../actions"

type Option = "isRestricted" | "showChat" | "downloadMeeting" | "enableChat" | "showRoomChat"

export function RequestLiveForm({ meetingId, showDownloadOption, roomChatAvailable }: { meetingId: number; showDownloadOption: boolean; roomChatAvailable: boolean }) {
  const t = useTranslations("liveRequest")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(requestLiveAction, null)
  // The room's messages on the page need bbb-webhooks: without them, disabled with the reason.
  const options: { name: Option; checked: boolean; disabled?: boolean; help?: string }[] = [
    { name: "isRestricted", checked: false },
    { name: "showChat", checked: true },
    ...(showDownloadOption ? [{ name: "downloadMeeting" as const, checked: false }] : []),
    { name: "enableChat", checked: false },
    roomChatAvailable ? { name: "showRoomChat", checked: true } : { name: "showRoomChat", checked: false, disabled: true, help: t("showRoomChatUnavailable") },
  ]
  const error = state && !state.ok ? tErrors(state.code) : null
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="space-y-4">
        <legend className="mb-3 font-semibold text-slate-900">{t("options")}</legend>
        {options.map((o) => (
          <div key={o.name} className="flex gap-3">
            <input
              id={o.name}
              name={o.name}
              type="checkbox"
              defaultChecked={o.checked}
              disabled={o.disabled}
              aria-describedby={`${o.name}-help`}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
            <div>
              <label htmlFor={o.name} className="font-medium text-slate-900">
                {t(o.name)}
              </label>
              <p id={`${o.name}-help`} className="text-sm text-slate-600">
                {o.help ?? t(`${o.name}Help`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <Notice tone="info" live={false}>
        <p>{t("autoStop")}</p>
      </Notice>
      <div className="empty:-mt-5" aria-live="assertive" data-testid="form-error">
        {error && (
          <Notice tone="error" live={false}>
            <p>{error}</p>
          </Notice>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Link href="/meetings" className={buttonClasses({ variant: "ghost" })}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  )
}
