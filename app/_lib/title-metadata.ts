import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"

/** A page's `generateMetadata` whose tab title is one catalogue entry (`<namespace>.title` unless told). */
export function titleMetadata(namespace: string, key = "title"): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations(namespace))(key) })
}
