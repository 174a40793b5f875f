"use client"

import { useTranslations } from "next-intl"
import { useActionState, useEffect, useState } from "react"

import { EXTERNAL_RECORDING_TYPES } from "@/lib/recordings/external-recording-types"

import { Button } from "@/components/ui/button"
import { SectionCard } from "@/components/ui/card"
import { CharacterCount } from "@/components/ui/character-count"
import { Field, inputClasses } from "@/components/ui/field"
import { keepFormValues } from "@/components/ui/keep-form-values"
import { Notice } from "@/components/ui/notice"

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
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value })),
  })
  const fieldError = (field: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined
    return key ? t(`errors.${key as FieldErrorKey}`) : null
  }
  const summary =
    state && !state.ok && !state.fieldErrors ? (state.code === "CONFLICT" ? t("add.duplicate") : tErrors(state.code)) : state?.ok ? t("add.added") : null
  return (
    <SectionCard id="add-external-title" title={t("add.title")} className="mt-8 max-w-2xl">
      <form action={action} onSubmit={keepFormValues(action)} className="mt-4 space-y-4" noValidate>
        {summary && (
          <Notice tone={state?.ok ? "success" : "error"} testId="external-form-message">
            <p>{summary}</p>
          </Notice>
        )}
        <Field id="name" label={t("add.name")} error={fieldError("name")}>
          {(control) => (
            <>
              <input {...control} aria-describedby={[control["aria-describedby"], "name-count"].filter(Boolean).join(" ")} {...bind("name")} required className={inputClasses} />
              <CharacterCount id="name-count" length={values.name.length} max={250} />
            </>
          )}
        </Field>
        <Field id="type" label={t("add.type")} error={fieldError("type")}>
          {(control) => (
            <select {...control} {...bind("type")} className={`${inputClasses} sm:w-64`}>
              {EXTERNAL_RECORDING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="sourceUrl" label={t("add.sourceUrl")} hint={t("add.sourceUrlHelp")} error={fieldError("sourceUrl")}>
          {(control) => <input {...control} {...bind("sourceUrl")} type="url" inputMode="url" required placeholder="https://" className={inputClasses} />}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("add.submitting") : t("add.submit")}
        </Button>
      </form>
    </SectionCard>
  )
}
