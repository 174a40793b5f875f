import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

import { MessagePage } from "@/components/layout/message-page"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("livePage"))("notFoundTitle") }
}

/** A live's page once it has ended (its broadcaster is removed) or for a wrong address. */
export default async function LiveNotFound() {
  const [t, tNotFound, tApp] = await Promise.all([getTranslations("livePage"), getTranslations("notFound"), getTranslations("app")])
  return (
    <MessagePage
      title={t("notFoundTitle")}
      documentTitle={`${t("notFoundTitle")} · ${tApp("name")}`}
      body={t("notFoundBody")}
      back={tNotFound("back")}
      home={t("allLives")}
      testId="not-found"
    />
  )
}
