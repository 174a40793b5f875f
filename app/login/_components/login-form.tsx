"use client"

import { signIn } from "next-auth/react"
import { useTranslations } from "next-intl"
import { useState, type FormEvent } from "react"

import { parseSignInError, type SignInError } from "@/lib/auth/sign-in-error"

type FormError = SignInError | { kind: "missingFields" }

export function LoginForm(props: {
  callbackUrl: string
  localAccounts: boolean
  oidcProvider: string | null
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
      <p role="alert" aria-live="assertive" className={error ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {error
          ? error.kind === "throttled"
            ? t("throttled", { minutes: Math.ceil(error.retryAfterSeconds / 60) })
            : t(error.kind, { provider: props.oidcProvider ?? "OIDC" })
          : ""}
      </p>
      {props.oidcProvider && (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl: props.callbackUrl })}
          className="w-full rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
        >
          {t("oidc", { provider: props.oidcProvider })}
        </button>
      )}
      {props.localAccounts ? (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div>
            <label htmlFor="username" className="block text-sm font-medium text-slate-800">
              {t("username")}
            </label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              required
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium text-slate-800">
              {t("password")}
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
            />
          </div>
          <button
            type="submit"
            disabled={pending}
            className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? t("submitting") : t("submit")}
          </button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("localDisabled")}</p>
      )}
    </div>
  )
}
