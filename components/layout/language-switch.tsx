import { setLocaleAction } from "@/app/actions"
import { LOCALES, type Locale } from "@/lib/i18n/locales"

import { cn } from "@/components/ui/cn"

/** Works without JavaScript: each language is a submit button of a tiny form. */
export function LanguageSwitch({ current, label }: { current: string; label: string }) {
  return (
    <form action={setLocaleAction} aria-label={label} className="flex overflow-hidden rounded-md border border-slate-300">
      {LOCALES.map((locale: Locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={cn(
            "min-h-8 px-2 text-xs font-semibold uppercase",
            locale === current ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100",
          )}
        >
          {locale}
        </button>
      ))}
    </form>
  )
}
