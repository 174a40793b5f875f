import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { z } from "zod"

import { parseSignInError } from "@/lib/auth/sign-in-error"
import { getCurrentUser } from "@/lib/auth/session"
import { getEnv, isOidcEnabled } from "@/lib/config/env"

import { Card } from "@/components/ui/card"

import { LoginForm } from "./_components/login-form"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") }
}

const searchSchema = z.object({
  // Only same-site paths: an open redirect through callbackUrl is refused. Without one (or with a
  // refused one), sign-in ends on the home, which sends each role to its page (app/page.tsx).
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch("/")
    .default("/"),
  error: z.string().optional().catch(undefined),
})

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams)
  if (await getCurrentUser()) redirect(callbackUrl)
  const t = await getTranslations("login")
  const env = getEnv()
  const oidc = isOidcEnabled(env) ? env.OIDC_DISPLAY_NAME : null
  return (
    <Card className="mx-auto max-w-md sm:p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{t("intro")}</p>
      <LoginForm
        callbackUrl={callbackUrl}
        localAccounts={env.AUTH_LOCAL_ACCOUNTS}
        oidcProvider={oidc}
        initialError={parseSignInError(error)}
      />
    </Card>
  )
}
