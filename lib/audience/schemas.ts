// The parameters of « Mes directs » (and the admin's audience lists): a page and a period. A period is
// checked, not silently dropped: an end before its start or more than a year long is an error the
// page shows next to the filter (the list then shows every period, the filter's inputs kept).
import { dayFilter, listParamsSchema } from "@/lib/lists/list-params"

export const myLivesParamsSchema = listParamsSchema({ sorts: ["requestedAt"], defaultDir: "desc", filters: { from: dayFilter(), to: dayFilter() } })

export const MAX_PERIOD_DAYS = 366

export type PeriodError = "endBeforeStart" | "tooLong"

/** What is wrong with a period, or null. */
export function periodError(period: { from?: string; to?: string }): PeriodError | null {
  if (!period.from || !period.to) return null
  const days = (Date.parse(period.to) - Date.parse(period.from)) / (24 * 3600 * 1000)
  if (days < 0) return "endBeforeStart"
  if (days > MAX_PERIOD_DAYS) return "tooLong"
  return null
}
