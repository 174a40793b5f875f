// The admin's accounts list: searched by name, username, e-mail or external id, filtered by role and
// state, sorted and paged; the CSV export reads the same rows without paging.
import { CSV_MAX_ROWS, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { adminUserSelect, type AdminUser } from "./admin-user-fields"
import type { AdminUsersParams } from "./schemas"

function where(params: AdminUsersParams): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    and.push({ OR: [{ username: contains }, { email: contains }, { firstName: contains }, { lastName: contains }, { externalId: contains }] })
  }
  if (params.role) and.push({ role: params.role })
  if (params.status) and.push({ isActive: params.status === "active" })
  return { AND: and }
}

function orderBy(params: AdminUsersParams): Prisma.UserOrderByWithRelationInput[] {
  const dir = params.dir
  const first: Record<AdminUsersParams["sort"], Prisma.UserOrderByWithRelationInput[]> = {
    name: [{ lastName: dir }, { firstName: dir }],
    username: [{ username: dir }],
    role: [{ role: dir }],
    createdAt: [{ createdAt: dir }],
    id: [],
  }
  return [...first[params.sort], { id: dir }]
}

export async function listAdminUsers(params: AdminUsersParams, options: { all?: boolean } = {}): Promise<ListPage<AdminUser>> {
  const filter = where(params)
  const total = await db.user.count({ where: filter })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const rows = await db.user.findMany({ where: filter, orderBy: orderBy(params), skip: window.skip, take: window.take, select: adminUserSelect })
  return { rows, total, page: window.page, pageSize: options.all ? total : params.pageSize, pageCount: window.pageCount }
}
