import { getTranslations } from "next-intl/server"

import { Badge } from "@/components/ui/badge"

/** A live's options that are on, as short labels ("Chat public affiché", "Enregistré"…); "None" when none is. */
export async function LiveOptions({ live }: { live: { showChat: boolean; downloadMeeting: boolean; enableChat: boolean; isRestricted: boolean } }) {
  const t = await getTranslations("adminLives")
  const on = (["showChat", "downloadMeeting", "enableChat", "isRestricted"] as const).filter((key) => live[key])
  if (on.length === 0) return <span className="text-slate-500">{t("noOption")}</span>
  return (
    <ul className="flex flex-wrap gap-1">
      {on.map((key) => (
        <li key={key}>
          <Badge tone="neutral">{t(key)}</Badge>
        </li>
      ))}
    </ul>
  )
}
