"use client"

import { useTranslations } from "next-intl"

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error")
  return (
    <section className="mx-auto max-w-lg text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </section>
  )
}
