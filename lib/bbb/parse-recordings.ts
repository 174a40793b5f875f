// Recordings from getRecordings answers: BBB (with or without 2.6+ offset/limit pagination), Scalelite and
// legacy servers (CDATA names and metadata, Java date strings, a single playback format).
import { BbbError } from "./errors"
import { createBbbXmlParser, isRecord, parseWithSchema, readBbbResponse } from "./parse-xml"
import { type BbbRecording, type BbbRecordingsPage, bbbRecordingSchema } from "./schemas"

const CALL_NAME = "getRecordings"

const recordingsParser = createBbbXmlParser([
  "response.recordings.recording",
  "response.recordings.recording.playback.format",
  "response.recordings.recording.playback.format.preview.images.image",
  "response.recordings.recording.breakoutRooms.breakoutRoom",
])

export function parseRecordingsXml(body: string): BbbRecordingsPage {
  const { scan, response } = readBbbResponse(body, CALL_NAME, recordingsParser)
  const total = readTotal(response)
  const container = response.recordings
  if (container === undefined) {
    if (scan.messageKey === "noRecordings") return { recordings: [], unreadableRecordIDs: [], itemCount: 0, total }
    throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: CALL_NAME, message: "SUCCESS without a <recordings> element nor noRecordings" })
  }
  const items = listItems(container)
  const recordings: BbbRecording[] = []
  const unreadableRecordIDs: string[] = []
  items.forEach((item, index) => {
    // BBB lists a recording whose metadata it cannot read as <recording><error><recordID>...</recordID></error>
    if (isRecord(item) && item.error !== undefined && item.recordID === undefined) {
      const error = item.error
      const recordID = isRecord(error) && typeof error.recordID === "string" ? error.recordID.trim() : ""
      unreadableRecordIDs.push(recordID || `(unknown #${index + 1})`)
      return
    }
    recordings.push(parseWithSchema(bbbRecordingSchema, item, { callName: CALL_NAME, what: "recording", details: { index } }))
  })
  return { recordings, unreadableRecordIDs, itemCount: items.length, total }
}

function listItems(container: unknown): unknown[] {
  if (typeof container === "string") {
    if (container.trim() === "") return []
  } else if (isRecord(container)) {
    const items = container.recording
    if (items === undefined && Object.keys(container).length === 0) return []
    if (Array.isArray(items)) return items.filter((item) => item !== "")
  }
  throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: CALL_NAME, message: "unexpected content in <recordings>" })
}

/** Total count of a paginated answer: `<totalElements>` beside `<recordings>`, or inside `<pagination>`. */
function readTotal(response: Record<string, unknown>): number | null {
  const pagination = response.pagination
  const raw = response.totalElements ?? (isRecord(pagination) ? pagination.totalElements : undefined)
  if (raw === undefined) return null
  const text = typeof raw === "string" ? raw.trim() : ""
  if (!/^\d+$/.test(text)) {
    throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: CALL_NAME, message: "totalElements is not a number" })
  }
  return Number(text)
}
