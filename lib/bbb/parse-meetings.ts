// Meetings from getMeetings / getMeetingInfo / isMeetingRunning / end answers.
//
// getMeetings of a big server is megabytes of XML (1,000 meetings x 50 attendees is ~8 MB, ~1 s to parse).
// splitMeetingsXml cuts the answer into one raw chunk per <meeting> with a hash of its bytes, in one cheap
// pass that also proves the document complete; parseMeetingChunks then parses only the chunks a caller wants
// (e.g. those whose hash changed since the last sync). getMeetings() is exactly split + parse of every chunk.
import { createHash } from "node:crypto"

import { z } from "zod"

import { BbbError } from "./errors"
import { assertSuccess, createBbbXmlParser, isRecord, parseWithSchema, readBbbResponse } from "./parse-xml"
import { readPlainElement } from "./read-meeting-element"
import { type XmlChunkSpec, scanBbbXml } from "./scan-xml"
import { type BbbMeeting, type MeetingChunk, bbbMeetingSchema } from "./schemas"

const GET_MEETINGS = "getMeetings"

const MEETING_CHUNKS: XmlChunkSpec = { containerPath: ["response", "meetings"], element: "meeting", keyElement: "internalMeetingID" }

const chunkParser = createBbbXmlParser(["meetings.meeting", "meetings.meeting.attendees.attendee", "meetings.meeting.breakoutRooms.breakout"])
/** The same list paths, from the `<meeting>` element, for the fast reader. */
const MEETING_LIST_PATHS: ReadonlySet<string> = new Set(["meeting.attendees.attendee", "meeting.breakoutRooms.breakout"])
const meetingInfoParser = createBbbXmlParser(["response.attendees.attendee", "response.breakoutRooms.breakout"])
const plainParser = createBbbXmlParser([])

export function hashMeetingXml(xml: string): string {
  return createHash("sha256").update(xml, "utf8").digest("hex")
}

/**
 * Checks a getMeetings answer and cuts it into raw `<meeting>` chunks. FAILED → BbbError with its messageKey;
 * SUCCESS + noMeetings → []; a truncated or unbalanced document → MALFORMED_XML, never fewer chunks.
 */
export function splitMeetingsXml(body: string): MeetingChunk[] {
  const scan = scanBbbXml(body, GET_MEETINGS, MEETING_CHUNKS)
  assertSuccess(scan, GET_MEETINGS)
  if (scan.messageKey === "noMeetings" && scan.chunks.length === 0) return []
  if (!scan.hasContainer) {
    throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: GET_MEETINGS, message: "SUCCESS without a <meetings> element nor noMeetings" })
  }
  return scan.chunks.map((chunk, index) => {
    if (!chunk.key) {
      throw new BbbError({
        kind: "SCHEMA_MISMATCH",
        callName: GET_MEETINGS,
        message: `meeting #${index + 1} has no internalMeetingID`,
        details: { index },
      })
    }
    return { internalMeetingID: chunk.key, xml: chunk.xml, hash: hashMeetingXml(chunk.xml) }
  })
}

/** `<meeting>` elements read by fast-xml-parser (the reference reading; the fast reader must equal it). */
export function readMeetingElementsWithParser(xmls: readonly string[]): unknown[] {
  let document: unknown
  try {
    document = chunkParser.parse(`<meetings>${xmls.join("")}</meetings>`)
  } catch (error) {
    throw new BbbError({ kind: "MALFORMED_XML", callName: GET_MEETINGS, message: `unreadable meeting XML: ${(error as Error).message}`, cause: error })
  }
  const container = (document as { meetings?: unknown }).meetings
  const parsed = isRecord(container) && Array.isArray(container.meeting) ? container.meeting : []
  if (parsed.length !== xmls.length) {
    throw new BbbError({ kind: "MALFORMED_XML", callName: GET_MEETINGS, message: `expected ${xmls.length} <meeting> elements, read ${parsed.length}` })
  }
  return parsed
}

/** A `<meeting>` element read by the fast reader, or null when it must go through the parser. */
export function readMeetingElementFast(xml: string): unknown {
  return readPlainElement(xml.trim(), MEETING_LIST_PATHS, "meeting")
}

/**
 * Parses chunks from splitMeetingsXml (or their raw `xml` strings) into typed meetings, in one parser run.
 * Throws SCHEMA_MISMATCH naming the meeting when one does not have the expected shape.
 */
export function parseMeetingChunks(chunks: readonly (MeetingChunk | string)[]): BbbMeeting[] {
  if (chunks.length === 0) return []
  const xmlOf = (chunk: MeetingChunk | string) => (typeof chunk === "string" ? chunk : chunk.xml)
  // The fast reader takes the plain subset BBB writes; whatever it declines goes through fast-xml-parser.
  const items: unknown[] = chunks.map((chunk) => readMeetingElementFast(xmlOf(chunk)))
  const slow = items.flatMap((item, index) => (item === null ? [index] : []))
  if (slow.length > 0) {
    const parsed = readMeetingElementsWithParser(slow.map((index) => xmlOf(chunks[index]!)))
    slow.forEach((index, i) => (items[index] = parsed[i]))
  }
  return items.map((item, index) => {
    const chunk = chunks[index]
    const expectedId = typeof chunk === "string" ? undefined : chunk?.internalMeetingID
    const meeting = parseWithSchema(bbbMeetingSchema, item, {
      callName: GET_MEETINGS,
      what: "meeting",
      details: { index, ...(expectedId ? { internalMeetingID: expectedId } : {}) },
    })
    if (expectedId !== undefined && meeting.internalMeetingID !== expectedId) {
      throw new BbbError({
        kind: "SCHEMA_MISMATCH",
        callName: GET_MEETINGS,
        message: `chunk ${expectedId} parsed as meeting ${meeting.internalMeetingID}`,
      })
    }
    return meeting
  })
}

export function parseMeetingChunk(chunk: MeetingChunk | string): BbbMeeting {
  return parseMeetingChunks([chunk])[0] as BbbMeeting
}

/** Every meeting of a getMeetings answer (split + parse of all chunks). */
export function parseMeetingsXml(body: string): BbbMeeting[] {
  return parseMeetingChunks(splitMeetingsXml(body))
}

/** A getMeetingInfo answer. FAILED (notFound included) throws; the client maps notFound to null. */
export function parseMeetingInfoXml(body: string): BbbMeeting {
  const callName = "getMeetingInfo"
  const { response } = readBbbResponse(body, callName, meetingInfoParser)
  const { returncode: _returncode, messageKey: _messageKey, message: _message, ...fields } = response
  return parseWithSchema(bbbMeetingSchema, fields, { callName, what: "meeting" })
}

const runningSchema = z.object({ running: z.string().trim().toLowerCase().pipe(z.enum(["true", "false"])) })

export function parseIsMeetingRunningXml(body: string): boolean {
  const callName = "isMeetingRunning"
  const { response } = readBbbResponse(body, callName, plainParser)
  return parseWithSchema(runningSchema, response, { callName, what: "answer" }).running === "true"
}

/** An `end` answer: SUCCESS (usually messageKey sentEndMeetingRequest) or a FAILED error. */
export function parseEndXml(body: string): void {
  readBbbResponse(body, "end", plainParser)
}

/** sendChatMessage answers SUCCESS or FAILED (thrown as BbbError with its messageKey). */
export function parseSendChatMessageXml(body: string): void {
  readBbbResponse(body, "sendChatMessage", plainParser)
}
