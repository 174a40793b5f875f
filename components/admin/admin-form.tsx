"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react"

import { Button } from "@/components/ui/button"
import { CharacterCount } from "@/components/ui/character-count"
import { Field, inputClasses } from "@/components/ui/field"
import { keepFormValues } from "@/components/ui/keep-form-values"
import { Notice } from "@/components/ui/notice"

import type { FormState } from "@/app/_lib/adapters"

export type AdminFormField =
  | { kind: "text" | "email" | "url"; name: string; label: string; hint?: string; defaultValue?: string; required?: boolean; maxLength?: number; autoComplete?: string }
  | { kind: "select"; name: string; label: string; hint?: string; defaultValue?: string; options: { value: string; label: string }[] }
  | { kind: "checkbox"; name: string; label: string; hint?: string; defaultChecked?: boolean }

/** What the form says, translated by the page (the form is a client component without catalogues). */
export type AdminFormTexts = {
  submit: string
  pending: string
  /** Shown after a successful save (unless the form redirects). */
  saved?: string
  /** Field error keys (zod messages, AppError codes) and form error codes → sentences. */
  errors: Record<string, string>
  /** The summary of a refused form. */
  invalid: string
  /** The submit button's look: "danger" for a deletion. */
  variant?: "primary" | "danger"
}

/**
 * An admin edit or create form: server action through useActionState, every field error under its
 * field, a summary in an aria-live region, typed and chosen values kept after a refusal (controlled
 * fields, posted without React's form reset: keepFormValues). A field's `maxLength` is shown as a
 * counter, never enforced by cutting what is typed: the server refuses a value too long. A success shows `saved` and refreshes the page, or goes
 * to `redirectTo` (`{id}` replaced by the saved row's id). `reveal` shows a value returned once (a
 * temporary password) with its explanation. `confirm` asks first (an irreversible submission, e.g. move
 * a building's broadcasters and delete it), in place, as ConfirmAction does: focus on the confirm
 * button, Escape or Cancel closes the question and focus returns to the submit button.
 */
export function AdminForm({
  action,
  fields,
  hidden = {},
  texts,
  redirectTo,
  reveal,
  confirm,
  testId,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  fields: AdminFormField[]
  hidden?: Record<string, string | number>
  texts: AdminFormTexts
  redirectTo?: string
  reveal?: { key: string; label: string; linkKey?: string; linkLabel?: string }
  confirm?: { question: string; confirmLabel: string; cancelLabel: string }
  testId?: string
}) {
  const router = useRouter()
  const [state, formAction, pending] = useActionState(action, null)
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.kind === "checkbox" ? Boolean(f.defaultChecked) : (f.defaultValue ?? (f.kind === "select" ? (f.options[0]?.value ?? "") : ""))])),
  )
  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }))
  const [confirming, setConfirming] = useState(false)
  const submitButton = useRef<HTMLButtonElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const keep = keepFormValues(formAction)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirm && !confirming) {
      event.preventDefault()
      setConfirming(true)
      return
    }
    setConfirming(false)
    keep(event)
  }
  const closeQuestion = () => {
    setConfirming(false)
    // The submit button is back once the question is gone.
    requestAnimationFrame(() => submitButton.current?.focus())
  }
  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
  }, [confirming])
  const data = state?.ok ? (state.data as Record<string, unknown> | null) : null
  const revealed = reveal && data && typeof data[reveal.key] === "string" ? String(data[reveal.key]) : null
  useEffect(() => {
    if (!state?.ok) return
    if (redirectTo && !revealed) router.push(redirectTo.replace("{id}", String((state.data as { id?: number } | null)?.id ?? "")))
    else router.refresh()
  }, [state, redirectTo, revealed, router])

  const fieldError = (name: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined
    return key ? (texts.errors[key] ?? texts.invalid) : null
  }
  const summary = state && !state.ok ? (state.fieldErrors ? texts.invalid : (texts.errors[state.code] ?? texts.invalid)) : state?.ok && !redirectTo ? texts.saved : null

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (confirming && event.key === "Escape") {
          event.preventDefault()
          closeQuestion()
        }
      }}
      className="space-y-4"
      noValidate
      data-testid={testId}
    >
      <div aria-live="polite">
        {summary && (
          <Notice tone={state?.ok ? "success" : "error"} live={false} testId="form-message">
            <p>{summary}</p>
          </Notice>
        )}
        {revealed && reveal && (
          <Notice tone="success" live={false} testId="revealed-secret">
            <p>{reveal.label}</p>
            <p className="mt-2 font-mono text-lg font-semibold break-all select-all" data-testid="revealed-value">
              {revealed}
            </p>
            {reveal.linkKey && reveal.linkLabel && data?.[reveal.linkKey] !== undefined && (
              <p className="mt-2">
                <Link className="font-medium text-brand-700 underline" href={String(data[reveal.linkKey])}>
                  {reveal.linkLabel}
                </Link>
              </p>
            )}
          </Notice>
        )}
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) =>
        f.kind === "checkbox" ? (
          <div key={f.name} className="flex items-start gap-2">
            <input id={`field-${f.name}`} type="checkbox" name={f.name} checked={Boolean(values[f.name])} onChange={(e) => set(f.name, e.target.checked)} className="mt-1 size-4" aria-describedby={f.hint ? `field-${f.name}-hint` : undefined} />
            <div>
              <label htmlFor={`field-${f.name}`} className="text-sm font-medium text-slate-800">
                {f.label}
              </label>
              {f.hint && (
                <p id={`field-${f.name}-hint`} className="text-sm text-slate-600">
                  {f.hint}
                </p>
              )}
            </div>
          </div>
        ) : (
          <Field key={f.name} id={`field-${f.name}`} label={f.label} hint={f.hint} error={fieldError(f.name)}>
            {(control) =>
              f.kind === "select" ? (
                <select {...control} name={f.name} value={String(values[f.name])} onChange={(e) => set(f.name, e.target.value)} className={inputClasses}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <>
                  <input
                    {...control}
                    aria-describedby={f.maxLength ? [control["aria-describedby"], `${control.id}-count`].filter(Boolean).join(" ") : control["aria-describedby"]}
                    type={f.kind}
                    name={f.name}
                    value={String(values[f.name])}
                    onChange={(e) => set(f.name, e.target.value)}
                    required={f.required}
                    autoComplete={f.autoComplete ?? "off"}
                    className={inputClasses}
                  />
                  {f.maxLength && <CharacterCount id={`${control.id}-count`} length={String(values[f.name]).length} max={f.maxLength} />}
                </>
              )
            }
          </Field>
        ),
      )}
      {confirm && confirming ? (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" role="group" aria-labelledby={`${testId ?? "form"}-question`}>
          <p id={`${testId ?? "form"}-question`} className="text-sm font-medium text-red-900">
            {confirm.question}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmButton} type="submit" variant={texts.variant} size="sm" disabled={pending}>
              {pending ? texts.pending : confirm.confirmLabel}
            </Button>
            <Button variant="secondary" size="sm" disabled={pending} onClick={closeQuestion}>
              {confirm.cancelLabel}
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={submitButton} type="submit" variant={texts.variant} disabled={pending}>
          {pending ? texts.pending : texts.submit}
        </Button>
      )}
    </form>
  )
}
