import { getTranslations } from "next-intl/server"

/**
 * A live's options that are on, as short lines ("Chat BBB dans la vidéo", "Enregistré"…); "None" when
 * none is. Lines rather than badges: they wrap, so the admin list of lives fits a 1280 px screen.
 */
export async function LiveOptions({ live }: { live: { showChat: boolean; downloadMeeting: boolean; enableChat: boolean; isRestricted: boolean } }) {
  const t = await getTranslations("adminLives")
  const on = (["showChat", "downloadMeeting", "enableChat", "isRestricted"] as const).filter((key) => live[key])
  if (on.length === 0) return <span className="text-slate-500">{t("noOption")}</span>
  return (
    <ul className="space-y-1 text-xs leading-snug text-slate-700">
      {on.map((key) => (
        <li key={key} className="flex gap-1.5">
          <span aria-hidden="true" className="mt-1.5 size-1 shrink-0 rounded-full bg-slate-500" />
          {t(key)}
        </li>
      ))}
    </ul>
  )
}
