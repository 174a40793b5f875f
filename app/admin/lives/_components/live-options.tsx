import { getTranslations } from "next-intl/server"

/** A live's four options as a short list ("Chat public affiché : oui"). */
export async function LiveOptions({ live }: { live: { showChat: boolean; downloadMeeting: boolean; enableChat: boolean; isRestricted: boolean } }) {
  const [t, tk] = await Promise.all([getTranslations("adminLives"), getTranslations("adminToolkit")])
  const options = [
    ["showChat", live.showChat],
    ["downloadMeeting", live.downloadMeeting],
    ["enableChat", live.enableChat],
    ["isRestricted", live.isRestricted],
  ] as const
  return (
    <ul className="space-y-0.5 text-xs">
      {options.map(([key, on]) => (
        <li key={key} className={on ? "text-slate-900" : "text-slate-500"}>
          {t("optionValue", { option: t(key), value: on ? tk("yes") : tk("no") })}
        </li>
      ))}
    </ul>
  )
}
