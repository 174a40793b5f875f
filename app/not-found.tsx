import Link from "next/link"
import { getTranslations } from "next-intl/server"

export default async function NotFound() {
  const t = await getTranslations("notFound")
  return (
    <section className="mx-auto max-w-lg text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <Link href="/lives" className="mt-6 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  )
}
