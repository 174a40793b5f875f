// The one CSV writer of every export (admin lists, the recording migration's --use-export-csv):
// ';'-separated (what a French spreadsheet opens by default), a header line, then one line per row.
// Cells a spreadsheet would run as a formula (starting with = + - @ tab or CR, OWASP's CSV injection
// list) get a leading apostrophe; cells holding a line break are quoted whatever the line ending.
import { stringify } from "csv-stringify/sync"

export type CsvCell = string | number | boolean | Date | null | undefined

/** The byte order mark files and downloads start with, so that spreadsheets read UTF-8 accents right. */
export const CSV_BOM = "\uFEFF"

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A date in ISO 8601 as the clocks of `timeZone` read it, with its offset: « 2026-11-02T10:30:00+01:00 »
 * (what a spreadsheet and a person in that zone both read right).
 */
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  const offset = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0")
  const sign = offset < 0 ? "-" : "+"
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

/**
 * A cell as text: dates in ISO 8601 (with the offset of `timeZone` when given, else in UTC), booleans
 * true/false, nothing as an empty cell.
 */
export function csvCell(value: CsvCell, timeZone?: string): string {
  if (value === null || value === undefined) return ""
  if (value instanceof Date) return timeZone ? isoWithOffset(value, timeZone) : value.toISOString()
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * `lineBreak`: CRLF (RFC 4180) unless a format says otherwise (the migration keeps the original's LF).
 * `timeZone`: dates written with that zone's offset (the admin exports: the installation's TZ).
 */
export function renderCsv(header: string[], rows: CsvCell[][], options: { lineBreak?: "\r\n" | "\n"; timeZone?: string } = {}): string {
  return stringify([header.map((h) => csvCell(h)), ...rows.map((row) => row.map((cell) => csvCell(cell, options.timeZone)))], {
    delimiter: ";",
    record_delimiter: options.lineBreak ?? "\r\n",
    quoted_match: /[\r\n]/,
  })
}

/** A CSV column: its header and how a row gives its cell. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell }

export function renderCsvColumns<Row>(columns: CsvColumn<Row>[], rows: Row[], options: { timeZone?: string } = {}): string {
  return renderCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
    options,
  )
}
