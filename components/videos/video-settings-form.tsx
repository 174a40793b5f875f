"use client"

// One video's title and sharing, each saved by its own small form (« Mes vidéos », the admin's list).
import { useTranslations } from "next-intl"
import { useActionState, useId } from "react"

import { VIDEO_SHARINGS } from "@/lib/recordings/video-access"

import type { FormState } from "@/app/_lib/adapters"

import { Button } from "@/components/ui/button"
import { inputClasses } from "@/components/ui/field"

type Action = (previous: FormState, form: FormData) => Promise<FormState>

function FormError({ state }: { state: FormState }) {
  const t = useTranslations("videos")
  const tErrors = useTranslations("errors")
  if (!state || state.ok) return null
  const field = state.fieldErrors && Object.values(state.fieldErrors)[0]?.[0]
  return (
    <p role="alert" className="mt-1 text-sm font-medium text-red-700">
      {field && t.has(`errors.${field}`) ? t(`errors.${field}`) : tErrors(state.code)}
    </p>
  )
}

export function RenameVideoForm({ action, id, title }: { action: Action; id: number; title: string }) {
  const t = useTranslations("videos")
  const inputId = useId()
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="space-y-1" data-testid="rename-video">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={inputId} className="sr-only">
        {t("titleLabel", { title })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={inputId} name="title" defaultValue={title} maxLength={250} required className={`${inputClasses} min-w-0 flex-1 py-1`} aria-invalid={state && !state.ok ? true : undefined} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("rename")}
        </Button>
      </div>
      {state?.ok && <p className="text-sm text-green-800">{t("saved")}</p>}
      <FormError state={state} />
    </form>
  )
}

export function VideoSharingForm({ action, id, sharing, title }: { action: Action; id: number; sharing: string; title: string }) {
  const t = useTranslations("videos")
  const selectId = useId()
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="space-y-1" data-testid="video-sharing">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={selectId} className="sr-only">
        {t("sharingLabel", { title })}
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={selectId} name="sharing" defaultValue={sharing} className={`${inputClasses} w-auto min-w-0 py-1`}>
          {VIDEO_SHARINGS.map((value) => (
            <option key={value} value={value}>
              {t(`sharing.${value}`)}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("share")}
        </Button>
      </div>
      {state?.ok && <p className="text-sm text-green-800">{t("saved")}</p>}
      <FormError state={state} />
    </form>
  )
}

/** The admin's « give to another account » (username or email). */
export function ReassignVideoForm({ action, id, title }: { action: Action; id: number; title: string }) {
  const t = useTranslations("videos")
  const inputId = useId()
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="space-y-1" data-testid="reassign-video">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={inputId} className="text-sm text-slate-700">
        {t("reassignLabel", { title })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={inputId} name="owner" required maxLength={320} autoComplete="off" placeholder={t("reassignPlaceholder")} className={`${inputClasses} min-w-0 flex-1 py-1`} aria-invalid={state && !state.ok ? true : undefined} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("reassign")}
        </Button>
      </div>
      <FormError state={state} />
    </form>
  )
}
