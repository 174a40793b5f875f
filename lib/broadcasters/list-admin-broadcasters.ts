// The admin's broadcasters list: searched by name, slug or HLS address, filtered by building and on
// air, sorted and paged; the CSV export reads the same rows without paging.
import { CSV_MAX_ROWS, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { adminBroadcasterSelect, type AdminBroadcaster } from "./broadcaster-fields"
import type { AdminBroadcastersParams } from "./schemas"

function where(params: AdminBroadcastersParams): Prisma.BroadcasterWhereInput {
  const and: Prisma.BroadcasterWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    and.push({ OR: [{ name: contains }, { slug: contains }, { hlsUrl: contains }] })
  }
  if (params.buildingId) and.push({ buildingId: params.buildingId })
  if (params.onAir) and.push({ isOnAir: params.onAir === "yes" })
  return { AND: and }
}

function orderBy(params: AdminBroadcastersParams): Prisma.BroadcasterOrderByWithRelationInput[] {
  const dir = params.dir
  const first: Record<AdminBroadcastersParams["sort"], Prisma.BroadcasterOrderByWithRelationInput[]> = {
    name: [{ name: dir }],
    slug: [{ slug: dir }],
    building: [{ building: { name: dir } }, { name: dir }],
    id: [],
  }
  return [...first[params.sort], { id: dir }]
}

export async function listAdminBroadcasters(params: AdminBroadcastersParams, options: { all?: boolean } = {}): Promise<ListPage<AdminBroadcaster>> {
  const filter = where(params)
  const total = await db.broadcaster.count({ where: filter })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const rows = await db.broadcaster.findMany({ where: filter, orderBy: orderBy(params), skip: window.skip, take: window.take, select: adminBroadcasterSelect })
  return { rows, total, page: window.page, pageSize: options.all ? total : params.pageSize, pageCount: window.pageCount }
}
