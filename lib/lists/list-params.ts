// The URL parameters of every admin list (search `q`, filters, `sort`, `dir`, `page`, `pageSize`),
// parsed with zod. A list's URL is its state: pages stay server-rendered, links are shareable and the
// CSV export of the same URL gives the same (filtered) rows. A tampered or stale value falls back to
// its default rather than failing the page: a list URL is navigation, not a form submission.
import { z } from "zod"

export const PAGE_SIZES = [10, 25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 25
/** The most rows one CSV export holds (a filter narrows a bigger list). */
export const CSV_MAX_ROWS = 50_000

export type SortDir = "asc" | "desc"
/** What Next gives a page as `searchParams` (awaited), or a URLSearchParams of a route handler. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams

/** An optional filter among fixed values (an unknown value means "no filter"). */
export function enumFilter<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).optional().catch(undefined)
}

/** An optional calendar day, YYYY-MM-DD as `<input type="date">` sends it. */
export function dayFilter() {
  return z.iso.date().optional().catch(undefined)
}

/** An optional positive id (e.g. "the lives of session 12"). */
export function idFilter() {
  return z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined)
}

/**
 * The schema of one list's parameters: its sortable columns (the first one is the default unless
 * `defaultSort` says otherwise) and its own filters (built with enumFilter/dayFilter/idFilter…).
 */
export function listParamsSchema<const S extends readonly [string, ...string[]], F extends z.ZodRawShape = Record<never, never>>(options: {
  sorts: S
  defaultSort?: S[number]
  defaultDir?: SortDir
  filters?: F
}) {
  return z.object({
    q: z.string().trim().max(200).optional().catch(undefined).transform((q) => q || undefined),
    sort: z.enum(options.sorts).catch(options.defaultSort ?? options.sorts[0]).default(options.defaultSort ?? options.sorts[0]),
    dir: z.enum(["asc", "desc"]).catch(options.defaultDir ?? "desc").default(options.defaultDir ?? "desc"),
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
    pageSize: z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(DEFAULT_PAGE_SIZE)
      .default(DEFAULT_PAGE_SIZE),
    ...(options.filters ?? ({} as F)),
  })
}

/** Parses a list's URL parameters: the first value of a repeated one, "" counts as absent. */
export function parseListParams<T extends z.ZodType>(schema: T, raw: RawSearchParams): z.output<T> {
  const values: Record<string, string> = {}
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw)
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value
    if (first !== undefined && first !== "" && !(key in values)) values[key] = first
  }
  return schema.parse(values)
}

export type ListParams = { q?: string; sort: string; dir: SortDir; page: number; pageSize: number } & Record<string, unknown>

/**
 * A list URL: the current parameters with some changed (a sort link, a page link, the CSV export).
 * Defaults (page 1, default page size) and empty values are left out to keep links short.
 */
export function listHref(basePath: string, params: Record<string, unknown>, changes: Record<string, unknown> = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value === undefined || value === null || value === "") continue
    if (key === "page" && Number(value) === 1) continue
    if (key === "pageSize" && Number(value) === DEFAULT_PAGE_SIZE) continue
    search.set(key, value instanceof Date ? value.toISOString() : String(value))
  }
  const query = search.toString()
  return query ? `${basePath}?${query}` : basePath
}

/** One page of a list, with what the pagination shows. */
export type ListPage<Row> = { rows: Row[]; total: number; page: number; pageSize: number; pageCount: number }

/**
 * Where a page starts once the total is known: a page past the end shows the last one (a filter
 * narrowed the list, a row was deleted).
 */
export function pageWindow(total: number, page: number, pageSize: number): { page: number; pageCount: number; skip: number; take: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const current = Math.min(Math.max(1, page), pageCount)
  return { page: current, pageCount, skip: (current - 1) * pageSize, take: pageSize }
}

/**
 * The instants that bound calendar days in a time zone: `from` 00:00 inclusive to the day after `to`
 * 00:00 exclusive, so "from 2026-11-02 to 2026-11-02" is that whole day in Paris.
 */
export function dayRange(options: { from?: string; to?: string; timeZone: string }): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {}
  if (options.from) range.gte = startOfDay(options.from, options.timeZone)
  if (options.to) {
    const next = new Date(`${options.to}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    range.lt = startOfDay(next.toISOString().slice(0, 10), options.timeZone)
  }
  return range
}

/** 00:00 of a day (YYYY-MM-DD) in a time zone, as an instant. */
export function startOfDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`)
  // The zone's offset at that instant, then again at the corrected one (a DST change that day).
  let guess = utcMidnight - zoneOffset(utcMidnight, timeZone)
  guess = utcMidnight - zoneOffset(guess, timeZone)
  return new Date(guess)
}

/** How far ahead of UTC a time zone's wall clock is at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"))
  return wall - Math.floor(instant / 1000) * 1000
}
