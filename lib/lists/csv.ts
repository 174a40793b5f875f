// The one CSV writer of every export (admin lists, the recording migration's --use-export-csv):
// ';'-separated (what a French spreadsheet opens by default), a header line, then one line per row.
// Cells a spreadsheet would run as a formula (starting with = + - @ tab or CR, OWASP's CSV injection
// list) get a leading apostrophe; cells holding a line break are quoted whatever the line ending.
import { stringify } from "csv-stringify/sync"

export type CsvCell = string | number | boolean | Date | null | undefined

/** The byte order mark files and downloads start with, so that spreadsheets read UTF-8 accents right. */
export const CSV_BOM = "\uFEFF"

const FORMULA_START = /^[=+\-@\t\r]/

/** A cell as text: dates in ISO 8601, booleans true/false, nothing as an empty cell. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ""
  if (value instanceof Date) return value.toISOString()
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** `lineBreak`: CRLF (RFC 4180) unless a format says otherwise (the migration keeps the original's LF). */
export function renderCsv(header: string[], rows: CsvCell[][], options: { lineBreak?: "\r\n" | "\n" } = {}): string {
  return stringify([header.map(csvCell), ...rows.map((row) => row.map(csvCell))], {
    delimiter: ";",
    record_delimiter: options.lineBreak ?? "\r\n",
    quoted_match: /[\r\n]/,
  })
}

/** A CSV column: its header and how a row gives its cell. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell }

export function renderCsvColumns<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return renderCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
  )
}
