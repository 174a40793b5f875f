"use client"

import { signIn } from "next-auth/react"
import { useTranslations } from "next-intl"
import { useState, type FormEvent } from "react"

import { parseSignInError, type SignInError } from "@/lib/auth/sign-in-error"

import { Button } from "@/components/ui/button"
import { Field, inputClasses } from "@/components/ui/field"

type FormError = SignInError | { kind: "missingFields" }

export function LoginForm(props: {
  callbackUrl: string
  localAccounts: boolean
  oidcProvider: string | null
  /** false: the provider does not answer (the SSO button is disabled and the page says why). */
  oidcAvailable: boolean
  /** After an SSO session's sign-out (OIDC_LOGOUT=offer): the provider's own sign-out. */
  endSessionUrl: string | null
  initialError: SignInError | null
}) {
  const t = useTranslations("login")
  const [error, setError] = useState<FormError | null>(props.initialError)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const username = String(form.get("username") ?? "").trim()
    const password = String(form.get("password") ?? "")
    if (!username || !password) return setError({ kind: "missingFields" })
    setPending(true)
    setError(null)
    try {
      const result = await signIn("credentials", { redirect: false, username, password, callbackUrl: props.callbackUrl })
      if (result?.ok && !result.error) {
        window.location.assign(props.callbackUrl)
        return
      }
      setError(parseSignInError(result?.error, result?.status ?? 500) ?? { kind: "unavailable" })
    } catch {
      setError({ kind: "unavailable" })
    }
    setPending(false)
  }

  return (
    <div className="mt-6 space-y-6">
      <p role="alert" aria-live="assertive" className={error ? "rounded-md border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900" : "sr-only"}>
        {error
          ? error.kind === "throttled"
            ? t("throttled", { minutes: Math.ceil(error.retryAfterSeconds / 60) })
            : t(error.kind, { provider: props.oidcProvider ?? "OIDC" })
          : ""}
      </p>
      {props.endSessionUrl && props.oidcProvider && (
        <p role="status" className="rounded-md border-l-4 border-sky-700 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="sso-signed-out">
          {t("ssoSignedOut", { provider: props.oidcProvider })}{" "}
          <a href={props.endSessionUrl} className="font-medium underline">
            {t("ssoSignOut", { provider: props.oidcProvider })}
          </a>
        </p>
      )}
      {props.oidcProvider && (
        <div className="space-y-2">
          <Button variant="secondary" className="w-full" disabled={!props.oidcAvailable} onClick={() => signIn("oidc", { callbackUrl: props.callbackUrl })}>
            {t("oidc", { provider: props.oidcProvider })}
          </Button>
          {!props.oidcAvailable && (
            <p role="status" className="text-sm text-amber-900" data-testid="sso-unavailable">
              {t("oidcUnavailable", { provider: props.oidcProvider })}
            </p>
          )}
        </div>
      )}
      {props.localAccounts ? (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field id="username" label={t("username")}>
            {(control) => <input {...control} name="username" autoComplete="username" required className={inputClasses} />}
          </Field>
          <Field id="password" label={t("password")}>
            {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required className={inputClasses} />}
          </Field>
          <Button type="submit" disabled={pending} className="w-full">
            {pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("localDisabled")}</p>
      )}
    </div>
  )
}
