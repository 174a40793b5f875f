"use client"

import { signIn } from "next-auth/react"
import { useTranslations } from "next-intl"
import { useActionState, useEffect, useRef, useState } from "react"

import { Button } from "@/components/ui/button"
import { Field, inputClasses } from "@/components/ui/field"
import { keepFormValues } from "@/components/ui/keep-form-values"
import { Notice } from "@/components/ui/notice"

import type { FormState } from "@/app/_lib/adapters"

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const

/**
 * Current password, new one twice. A refusal says why under each field and empties the password
 * fields (passwords are never kept). Once changed, every session of the account has ended: the form
 * signs the person in again with the new password, and the home sends them to their page.
 */
export function ChangePasswordForm({
  action,
  rules,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState<{ username: string }>>
  /** The lengths a password may have (lib/users/schemas.ts). */
  rules: { min: number; max: number }
}) {
  const t = useTranslations("account")
  const tErrors = useTranslations("errors")
  const [state, formAction, pending] = useActionState(action, null)
  const form = useRef<HTMLFormElement>(null)
  const chosen = useRef("")
  const [signingIn, setSigningIn] = useState(false)
  const keep = keepFormValues(formAction)

  useEffect(() => {
    if (!state) return
    if (!state.ok) {
      form.current?.reset()
      const first = FIELDS.find((name) => state.fieldErrors?.[name]) ?? "currentPassword"
      form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus()
      return
    }
    setSigningIn(true)
    // As the sign-in page does (redirect: false): the home then sends the person to their page; if
    // this sign-in is refused (throttled…), the sign-in page takes over with the new password.
    void signIn("credentials", { redirect: false, username: state.data.username, password: chosen.current, callbackUrl: "/" })
      .then((result) => window.location.assign(result?.ok && !result.error ? "/" : "/login"))
      .catch(() => window.location.assign("/login"))
  }, [state])

  const fieldError = (name: (typeof FIELDS)[number]) => {
    const key = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined
    if (!key) return null
    // The use case says a wrong current password as an error code about that field.
    return t.has(`errors.${key}`) ? t(`errors.${key}`) : key === "INVALID_INPUT" && name === "currentPassword" ? t("errors.currentWrong") : t("errors.invalid")
  }
  const summary = state && !state.ok ? (state.fieldErrors ? t("errors.invalid") : tErrors(state.code)) : state?.ok ? t("changed") : null

  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        chosen.current = String(new FormData(event.currentTarget).get("newPassword") ?? "")
        keep(event)
      }}
      className="space-y-4"
      noValidate
      data-testid="change-password-form"
    >
      <div aria-live="polite">
        {summary && (
          <Notice tone={state?.ok ? "success" : "error"} live={false} testId="form-message">
            <p>{summary}</p>
          </Notice>
        )}
      </div>
      {FIELDS.map((name) => (
        <Field key={name} id={`field-${name}`} label={t(name)} hint={name === "newPassword" ? t("rules", rules) : undefined} error={fieldError(name)}>
          {(control) => (
            <input
              {...control}
              type="password"
              name={name}
              required
              autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
              className={inputClasses}
            />
          )}
        </Field>
      ))}
      <Button type="submit" disabled={pending || signingIn}>
        {pending || signingIn ? t("submitting") : t("submit")}
      </Button>
    </form>
  )
}
