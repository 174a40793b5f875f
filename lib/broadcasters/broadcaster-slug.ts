// The one slug rule of broadcasters (the original guessed slugs differently in PHP and Django): an
// admin's broadcaster and a live's both take their slug from it.
import slugify from "slugify"

import type { Prisma } from "@/lib/generated/prisma/client"

export function broadcasterSlug(name: string): string {
  const slug = slugify(name, { lower: true, strict: true, locale: "fr", trim: true })
  return (slug || "direct").slice(0, 80).replace(/-+$/, "")
}

/** Does a broadcaster have this slug now? */
export async function isBroadcasterSlugTaken(tx: Prisma.TransactionClient, slug: string): Promise<boolean> {
  return (await tx.broadcaster.findUnique({ where: { slug }, select: { id: true } })) !== null
}
