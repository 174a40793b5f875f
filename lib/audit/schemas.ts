import { z } from "zod"

import { dayFilter, listParamsSchema } from "@/lib/lists/list-params"

/** The audit log page: search (who, action, entity id), entity type, date range, sort, page. */
export const auditEntriesParamsSchema = listParamsSchema({
  sorts: ["createdAt", "action", "actorName"],
  filters: {
    entityType: z.string().trim().regex(/^[a-z][a-zA-Z]{0,39}$/).optional().catch(undefined),
    from: dayFilter(),
    to: dayFilter(),
  },
})
export type AuditEntriesParams = z.infer<typeof auditEntriesParamsSchema>
