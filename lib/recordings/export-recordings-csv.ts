// The CSV export (--use-export-csv): ';'-separated, the original's header (plus moodle_owners with Moodle),
// written even without any recording, starting with a BOM, every row ending with a line break, and the file replaced atomically.
// Cells go through the admin exports' writer, so a recording named =HYPERLINK(…) stays text.
import { CSV_BOM, renderCsv } from "@/lib/lists/csv"

import type { MigrationRow } from "./recording-row"
import { CSV_COLUMNS, CSV_MOODLE_COLUMN } from "./schemas"
import { writeFileAtomically } from "./write-file-atomically"

export type CsvRecord = { row: MigrationRow; moodleOwners?: string[] }

export function renderRecordingsCsv(records: CsvRecord[], options: { withMoodleOwners: boolean }): string {
  const columns = options.withMoodleOwners ? [...CSV_COLUMNS, CSV_MOODLE_COLUMN] : [...CSV_COLUMNS]
  const lines = records.map(({ row, moodleOwners }) => {
    const values = [
      row.meetingName,
      row.recordingName,
      row.startDate ?? "",
      row.origin,
      row.originServerName,
      row.originVersion,
      row.originContext,
      row.originId,
      row.originLabel,
      row.description,
      row.published ? "true" : "false",
      row.state,
      row.sourceUrl,
    ]
    if (options.withMoodleOwners) values.push((moodleOwners ?? []).join(", "))
    return values
  })
  return renderCsv(columns, lines, { lineBreak: "\n" })
}

export async function exportRecordingsCsv(records: CsvRecord[], options: { file: string; withMoodleOwners: boolean }): Promise<void> {
  // With a BOM, like the admin exports: a spreadsheet then reads the accents right.
  await writeFileAtomically(options.file, `${CSV_BOM}${renderRecordingsCsv(records, options)}`)
}
