"use client"

import { useRouter } from "next/navigation"
import { useTranslations } from "next-intl"
import { useActionState, useEffect } from "react"

import { assignAttendeeAction } from "../actions"

export function AssignForm({ attendeeId, candidates }: { attendeeId: number; candidates: { username: string; name: string }[] }) {
  const t = useTranslations("adminAttendees")
  const tErrors = useTranslations("errors")
  const router = useRouter()
  const [state, action, pending] = useActionState(assignAttendeeAction, null)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  const error = state && !state.ok ? (state.code === "INVALID_INPUT" ? t("unknownUser") : tErrors(state.code)) : null
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="attendeeId" value={attendeeId} />
      {candidates.map((c) => (
        <button
          key={c.username}
          type="submit"
          name="username"
          value={c.username}
          disabled={pending}
          className="rounded-md border border-brand-600 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
        >
          {t("assignTo", { name: c.name, username: c.username })}
        </button>
      ))}
      <label className="sr-only" htmlFor={`username-${attendeeId}`}>
        {t("username")}
      </label>
      <input
        id={`username-${attendeeId}`}
        name="username"
        placeholder={t("username")}
        className="w-40 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">
        {t("assign")}
      </button>
      <span role="status" aria-live="polite" className={error ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {error ?? (state?.ok ? t("assigned") : "")}
      </span>
    </form>
  )
}
