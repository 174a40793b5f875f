import { getTranslations } from "next-intl/server"

import { MessagePage } from "./message-page"

/** The 403 and 404 pages: their catalogue namespace's title, body and way back, and the app's link home. */
export async function StatusMessagePage({ namespace, testId }: { namespace: "forbidden" | "notFound"; testId: string }) {
  const [t, tApp] = await Promise.all([getTranslations(namespace), getTranslations("app")])
  return <MessagePage title={t("title")} documentTitle={`${t("title")} · ${tApp("name")}`} body={t("body")} back={t("back")} home={tApp("home")} testId={testId} />
}
