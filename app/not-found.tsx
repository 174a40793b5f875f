import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { MessagePage } from "@/components/layout/message-page"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") }
}

export default async function NotFound() {
  const [t, tApp] = await Promise.all([getTranslations("notFound"), getTranslations("app")])
  return (
    <MessagePage
      title={t("title")}
      documentTitle={`${t("title")} · ${tApp("name")}`}
      body={t("body")}
      back={t("back")}
      home={tApp("home")}
      testId="not-found"
    />
  )
}
