"use client"

import { useTranslations } from "next-intl"

/**
 * A text field's limit under it: « 12 / 150 », then « Limite atteinte » at the limit and how many
 * characters are too many beyond it (announced when reached). The field itself never cuts what is
 * typed or pasted (no `maxLength`): the server refuses a value too long with a clear error and the
 * form keeps it, so nothing is lost in silence. Give the control `aria-describedby` with this `id`.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations("fieldLimit")
  const state = length > max ? "over" : length === max ? "reached" : "under"
  return (
    <p id={id} className={state === "over" ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"} aria-live={state === "under" ? "off" : "polite"} data-testid={`${id}`}>
      {t(state, { count: length, max, excess: length - max })}
    </p>
  )
}
