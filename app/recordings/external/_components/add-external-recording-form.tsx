"use client"

import { useTranslations } from "next-intl"
import { useActionState, useEffect, useState } from "react"

import { EXTERNAL_RECORDING_TYPES } from "@/lib/recordings/schemas"

import { createExternalRecordingAction } from "../actions"

type FieldErrorKey = "nameRequired" | "nameTooLong" | "typeInvalid" | "urlInvalid" | `urlNot${(typeof EXTERNAL_RECORDING_TYPES)[number]}`

export function AddExternalRecordingForm() {
  const t = useTranslations("externalRecordings")
  const tErrors = useTranslations("errors")
  const [state, action, pending] = useActionState(createExternalRecordingAction, null)
  // Controlled fields: a refused submission keeps what was typed; a successful one clears it.
  const [values, setValues] = useState({ name: "", type: "BIGBLUEBUTTON", sourceUrl: "" })
  useEffect(() => {
    if (state?.ok) setValues({ name: "", type: "BIGBLUEBUTTON", sourceUrl: "" })
  }, [state])
  const bind = (field: keyof typeof values) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value })),
  })
  const fieldError = (field: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined
    return key ? t(`errors.${key as FieldErrorKey}`) : null
  }
  const summary =
    state && !state.ok && !state.fieldErrors ? (state.code === "CONFLICT" ? t("add.duplicate") : tErrors(state.code)) : state?.ok ? t("add.added") : null
  const fields = [
    { name: "name", error: fieldError("name") },
    { name: "type", error: fieldError("type") },
    { name: "sourceUrl", error: fieldError("sourceUrl") },
  ]
  return (
    <form action={action} className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">{t("add.title")}</h2>
      <p
        role={state && !state.ok ? "alert" : "status"}
        aria-live="polite"
        className={summary ? (state?.ok ? "rounded-md bg-green-50 px-3 py-2 text-green-900" : "rounded-md bg-red-50 px-3 py-2 text-red-800") : "sr-only"}
        data-testid="external-form-message"
      >
        {summary ?? ""}
      </p>
      <div>
        <label htmlFor="name" className="block font-medium">
          {t("add.name")}
        </label>
        <input id="name" name="name" {...bind("name")} required maxLength={250} aria-invalid={Boolean(fields[0]!.error)} aria-describedby="name-error" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        <p id="name-error" className="mt-1 text-sm text-red-700">
          {fields[0]!.error}
        </p>
      </div>
      <div>
        <label htmlFor="type" className="block font-medium">
          {t("add.type")}
        </label>
        <select id="type" name="type" {...bind("type")} aria-describedby="type-error" className="mt-1 rounded-md border border-slate-300 px-3 py-2">
          {EXTERNAL_RECORDING_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
        <p id="type-error" className="mt-1 text-sm text-red-700">
          {fields[1]!.error}
        </p>
      </div>
      <div>
        <label htmlFor="sourceUrl" className="block font-medium">
          {t("add.sourceUrl")}
        </label>
        <input
          id="sourceUrl"
          name="sourceUrl"
          {...bind("sourceUrl")}
          type="url"
          required
          aria-invalid={Boolean(fields[2]!.error)}
          aria-describedby="sourceUrl-help sourceUrl-error"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <p id="sourceUrl-help" className="mt-1 text-sm text-slate-600">
          {t("add.sourceUrlHelp")}
        </p>
        <p id="sourceUrl-error" className="mt-1 text-sm text-red-700">
          {fields[2]!.error}
        </p>
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("add.submitting") : t("add.submit")}
      </button>
    </form>
  )
}
