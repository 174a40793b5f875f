import { notFound } from "next/navigation"
import { z } from "zod"

import type { CurrentUser } from "@/lib/auth/session"
import { parseListParams, type RawSearchParams } from "@/lib/lists/list-params"

import { requirePageRole } from "@/app/_lib/guards"

/** The start of every admin list page: admins only (anonymous visitors sign in and come back), then the list's URL parameters. */
export async function readAdminListParams<T extends z.ZodType>(basePath: string, schema: T, searchParams: Promise<RawSearchParams>): Promise<z.output<T>> {
  await requirePageRole("admin", basePath)
  return parseListParams(schema, await searchParams)
}

const recordParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

/**
 * The start of an admin page about one row (`<basePath>/[id]`): admins only (a visitor signs in and
 * comes back to this row, or to the list when the id is not one), then the id, or the 404 page.
 */
export async function readAdminRecordId(basePath: string, params: Promise<{ id: string }>): Promise<{ id: number; admin: CurrentUser }> {
  const parsed = recordParamsSchema.safeParse(await params)
  const admin = await requirePageRole("admin", parsed.success ? `${basePath}/${parsed.data.id}` : basePath)
  if (!parsed.success) notFound()
  return { id: parsed.data.id, admin }
}
