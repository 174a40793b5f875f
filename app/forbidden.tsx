import { getTranslations } from "next-intl/server"

import { MessagePage } from "@/components/layout/message-page"

export default async function Forbidden() {
  const t = await getTranslations("forbidden")
  return <MessagePage title={t("title")} body={t("body")} back={t("back")} testId="forbidden" />
}
