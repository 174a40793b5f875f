import { exportAudienceSamplesCsv, exportTranscriptCsv } from "@/lib/audience/audience-csv"
import { AppError } from "@/lib/errors"

import { route } from "@/app/_lib/adapters"
import { csvResponse } from "@/app/_lib/csv-response"

import { liveIdSchema } from "./live-id"

const EXPORTS = {
  samples: { name: "audience", csv: exportAudienceSamplesCsv },
  transcript: { name: "chat", csv: exportTranscriptCsv },
}

/** A CSV export of a live's audience page (its owner or an admin; anyone else, or no such live: 404). */
export function audienceCsvRoute(kind: keyof typeof EXPORTS) {
  return route<{ id: string }>({ access: "teacher" }, async ({ params, user }) => {
    const parsed = liveIdSchema.safeParse(params)
    const csv = parsed.success && user ? await EXPORTS[kind].csv(parsed.data.id, user) : null
    if (csv === null) throw new AppError("NOT_FOUND")
    return csvResponse(`live-${parsed.data!.id}-${EXPORTS[kind].name}`, csv)
  })
}
