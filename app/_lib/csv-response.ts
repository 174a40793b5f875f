import { CSV_BOM } from "@/lib/lists/csv"

/**
 * A CSV download: UTF-8 with a byte order mark (so a spreadsheet reads accents right), never cached,
 * named `<name>-<YYYY-MM-DD>.csv`.
 */
export function csvResponse(name: string, csv: string, now = new Date()): Response {
  const filename = `${name}-${now.toISOString().slice(0, 10)}.csv`
  return new Response(`${CSV_BOM}${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  })
}
