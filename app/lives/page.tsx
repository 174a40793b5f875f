import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { listOnAirBroadcasters } from "@/lib/lives/list-on-air-broadcasters"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lives"))("title") }
}

export default async function LivesPage() {
  const [t, broadcasters] = await Promise.all([getTranslations("lives"), listOnAirBroadcasters()])
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("intro")}</p>
      {broadcasters.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {broadcasters.map((b) => (
            <li key={b.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="flex items-center gap-2 text-sm">
                <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("onAir")}</span>
                {b.isRestricted && <span className="text-slate-600">{t("restricted")}</span>}
              </p>
              <h2 className="mt-2 font-medium">{b.name}</h2>
              <p className="text-sm text-slate-600">{t("building", { name: b.buildingName })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
