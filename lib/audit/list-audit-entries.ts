// The audit log as admins read it (/admin/audit and its CSV): newest first, searched by who, what or
// which entity, filtered by entity type and date range.
import { CSV_MAX_ROWS, dayRange, pageWindow, type ListPage } from "@/lib/lists/list-params"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { auditEntityNames } from "./audit-entity-names"
import type { AuditEntriesParams } from "./schemas"

const SELECT = { id: true, createdAt: true, actorId: true, actorName: true, action: true, entityType: true, entityId: true, before: true, after: true } satisfies Prisma.AuditEntrySelect

/** An entry, with the name of what it is about (null: unknown, the page shows its number). */
export type AuditEntryRow = Prisma.AuditEntryGetPayload<{ select: typeof SELECT }> & { entityName: string | null }

export async function listAuditEntries(params: AuditEntriesParams, options: { all?: boolean } = {}): Promise<ListPage<AuditEntryRow>> {
  const where = auditWhere(params)
  const total = await db.auditEntry.count({ where })
  const window = options.all ? { page: 1, pageCount: 1, skip: 0, take: CSV_MAX_ROWS } : pageWindow(total, params.page, params.pageSize)
  const entries = await db.auditEntry.findMany({ where, orderBy: [{ [params.sort]: params.dir }, { id: params.dir }], skip: window.skip, take: window.take, select: SELECT })
  const names = await auditEntityNames(entries)
  const rows = entries.map((e) => ({ ...e, entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null }))
  return { rows, total, page: window.page, pageSize: params.pageSize, pageCount: window.pageCount }
}

/** The entity types present in the log (the filter's choices). */
export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await db.auditEntry.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } })
  return rows.map((r) => r.entityType)
}

function auditWhere(params: AuditEntriesParams): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = []
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const }
    and.push({ OR: [{ actorName: contains }, { action: contains }, { entityId: params.q }] })
  }
  if (params.entityType) and.push({ entityType: params.entityType })
  if (params.from || params.to) and.push({ createdAt: dayRange({ from: params.from, to: params.to, timeZone: getEnv().TZ }) })
  return and.length ? { AND: and } : {}
}
