// The admin's buildings list (with how many broadcasters each groups), searched by name, sorted and
// paged; the CSV export reads the same rows without paging.
import { CSV_MAX_ROWS, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import type { AdminBuildingsParams } from "./schemas"

export type AdminBuilding = { id: number; name: string; broadcasterCount: number; createdAt: Date }

export async function listAdminBuildings(params: AdminBuildingsParams, options: { all?: boolean } = {}): Promise<ListPage<AdminBuilding>> {
  const filter: Prisma.BuildingWhereInput = params.q ? { name: { contains: params.q, mode: "insensitive" } } : {}
  const dir = params.dir
  const first: Record<AdminBuildingsParams["sort"], Prisma.BuildingOrderByWithRelationInput[]> = {
    name: [{ name: dir }],
    broadcasters: [{ broadcasters: { _count: dir } }, { name: "asc" }],
    id: [],
  }
  const total = await db.building.count({ where: filter })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const rows = await db.building.findMany({
    where: filter,
    orderBy: [...first[params.sort], { id: dir }],
    skip: window.skip,
    take: window.take,
    select: { id: true, name: true, createdAt: true, _count: { select: { broadcasters: true } } },
  })
  return {
    rows: rows.map(({ _count, ...b }) => ({ ...b, broadcasterCount: _count.broadcasters })),
    total,
    page: window.page,
    pageSize: options.all ? total : params.pageSize,
    pageCount: window.pageCount,
  }
}
