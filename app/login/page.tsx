import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { z } from "zod"

import { getOidcDiscovery, getOidcEndSessionUrl } from "@/lib/auth/oidc-discovery"
import { passwordFormShown } from "@/lib/auth/password-form-shown"
import { parseSignInError } from "@/lib/auth/sign-in-error"
import { getCurrentUser } from "@/lib/auth/session"
import { getEnv, isOidcEnabled } from "@/lib/config/env"

import { Card } from "@/components/ui/card"

import { LoginForm } from "./_components/login-form"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") }
}

/**
 * Where to go once signed in: a same-site path only (an open redirect through callbackUrl is refused),
 * without control characters; anything else is the home, which sends each role to its page (app/page.tsx). Non-ASCII is percent-encoded, since a Location
 * header carries ASCII only (a raw "€" there made the redirect of a signed-in visitor a 500).
 */
function returnPath(value: unknown): string {
  if (typeof value !== "string" || !/^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/.test(value)) return "/"
  try {
    return value.replace(/[^\u0000-\u007f]+/g, (text) => encodeURI(text))
  } catch {
    return "/" // a lone surrogate cannot be encoded
  }
}

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined).transform(returnPath),
  error: z.string().optional().catch(undefined),
  /** With LOCAL_SIGN_IN=false, the password form for the break-glass admin only. */
  local: z.string().optional().catch(undefined),
  /** "sso": an SSO session was just signed out of the app; the provider's sign-out is offered. */
  signedOut: z.string().optional().catch(undefined),
})

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl, error, local, signedOut } = searchSchema.parse(await searchParams)
  if (await getCurrentUser()) redirect(callbackUrl)
  const t = await getTranslations("login")
  const env = getEnv()
  const oidc = isOidcEnabled(env) ? env.OIDC_DISPLAY_NAME : null
  // The provider is asked now, so that a provider that is down is said before anyone clicks.
  const [oidcAvailable, endSessionUrl] = oidc
    ? await Promise.all([getOidcDiscovery().then(Boolean), signedOut === "sso" ? getOidcEndSessionUrl() : null])
    : [false, null]
  return (
    <Card className="mx-auto max-w-md sm:p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{t("intro")}</p>
      <LoginForm
        callbackUrl={callbackUrl}
        localAccounts={passwordFormShown(env, { local })}
        oidcProvider={oidc}
        oidcAvailable={oidcAvailable}
        endSessionUrl={endSessionUrl}
        initialError={parseSignInError(error)}
      />
    </Card>
  )
}
