"use client"

import Link from "next/link"
import { useTranslations } from "next-intl"

import { BackLink } from "@/components/layout/back-link"
import { Button } from "@/components/ui/button"

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error")
  const tApp = useTranslations("app")
  return (
    <section className="mx-auto max-w-lg py-8 text-center" role="alert" data-testid="error-page">
      <title>{`${t("title")} · ${tApp("name")}`}</title>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-4">
        <Button onClick={reset}>{t("retry")}</Button>
        <BackLink fallback="/lives" variant="secondary">{t("back")}</BackLink>
        <Link href="/lives" className="font-medium text-brand-700 underline underline-offset-2">
          {tApp("home")}
        </Link>
      </div>
    </section>
  )
}
