import { getTranslations } from "next-intl/server"

import { APP_ERROR_CODES } from "@/lib/errors"

import type { AdminFormTexts } from "./admin-form"

/**
 * The sentences of an AdminForm, from the catalogue: the area's `errors.<key>` for field errors
 * (zod messages, or an error code about one field), `errors.<CODE>` for the rest.
 */
export async function adminFormTexts(namespace: string, fieldErrorKeys: string[], labels: { submit: string; pending: string; saved?: string; variant?: "primary" | "danger" }): Promise<AdminFormTexts> {
  const [t, tErrors, tk] = await Promise.all([getTranslations(namespace), getTranslations("errors"), getTranslations("adminForm")])
  const errors: Record<string, string> = Object.fromEntries(APP_ERROR_CODES.map((code) => [code, tErrors(code)]))
  for (const key of fieldErrorKeys) errors[key] = t(`errors.${key}`)
  return { ...labels, errors, invalid: tk("invalid") }
}
