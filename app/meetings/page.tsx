import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { requirePageRole } from "@/app/_lib/guards"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("meetings") }
}

export default async function MeetingsPage() {
  await requirePageRole("teacher", "/meetings")
  const t = await getTranslations("nav")
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("meetings")}</h1>
    </section>
  )
}
