// Meetings from getMeetings / getMeetingInfo / isMeetingRunning / end answers.
//
// getMeetings of a big server is megabytes of XML (1,000 meetings x 50 attendees is ~8 MB, ~1 s to parse;
// 10,000 x 30 is ~93 MB). createMeetingsSplitter cuts the answer, as its bytes arrive, into one raw chunk per
// <meeting> with a sha256 of its bytes (hardware-accelerated: ~60 ms for 93 MB, cheaper than decoding them),
// in one pass that also proves the document complete; a meeting the caller already has (same hash) is never
// decoded. parseMeetingChunks then parses only the chunks a caller wants. getMeetings() is exactly split +
// parse of every chunk.
import { createHash } from "node:crypto"

import { z } from "zod"

import { BbbError } from "./errors"
import { assertSuccess, createBbbXmlParser, isRecord, parseWithSchema, readBbbResponse } from "./parse-xml"
import { readPlainElement } from "./read-meeting-element"
import { type XmlChunkSpec, XmlStreamScanner, decodeUtf8 } from "./scan-xml"
import { type BbbMeeting, type GetMeetingChunksOptions, type MeetingChunk, type ScannedMeetingChunk, bbbMeetingSchema } from "./schemas"

const GET_MEETINGS = "getMeetings"

const MEETING_CHUNKS: XmlChunkSpec = { containerPath: ["response", "meetings"], element: "meeting", keyElement: "internalMeetingID" }

const chunkParser = createBbbXmlParser(["meetings.meeting", "meetings.meeting.attendees.attendee", "meetings.meeting.breakoutRooms.breakout"])
/** The same list paths, from the `<meeting>` element, for the fast reader. */
const MEETING_LIST_PATHS: ReadonlySet<string> = new Set(["meeting.attendees.attendee", "meeting.breakoutRooms.breakout"])
const meetingInfoParser = createBbbXmlParser(["response.attendees.attendee", "response.breakoutRooms.breakout"])
const plainParser = createBbbXmlParser([])

export function hashMeetingXml(xml: string | readonly Uint8Array[]): string {
  const hash = createHash("sha256")
  if (typeof xml === "string") hash.update(xml, "utf8")
  else for (const piece of xml) hash.update(piece)
  return hash.digest("hex")
}

export type MeetingsSplitter = {
  /** The next bytes of the body; throws as soon as the answer is seen to be broken. */
  push(bytes: Uint8Array): void
  /** The chunks, once the whole body was pushed: throws unless the answer is complete and SUCCESS. */
  end(): ScannedMeetingChunk[]
}

/**
 * Checks a getMeetings answer read piece by piece and cuts it into raw `<meeting>` chunks. FAILED →
 * BbbError with its messageKey; SUCCESS + noMeetings → []; a truncated or unbalanced document →
 * MALFORMED_XML, never fewer chunks. Meetings `isUnchanged` accepts come back with `xml: null`.
 */
export function createMeetingsSplitter(options: GetMeetingChunksOptions = {}): MeetingsSplitter {
  const chunks: ScannedMeetingChunk[] = []
  let missingKeyAt = -1
  const scanner = new XmlStreamScanner(GET_MEETINGS, MEETING_CHUNKS, (key, pieces) => {
    if (!key) {
      if (missingKeyAt < 0) missingKeyAt = chunks.length
      return
    }
    const hash = hashMeetingXml(pieces)
    chunks.push({ internalMeetingID: key, hash, xml: options.isUnchanged?.(key, hash) ? null : decodeUtf8(pieces) })
  })
  return {
    push: (bytes) => scanner.push(bytes),
    end() {
      const scan = scanner.end()
      assertSuccess(scan, GET_MEETINGS)
      if (scan.messageKey === "noMeetings" && chunks.length === 0 && missingKeyAt < 0) return []
      if (!scan.hasContainer) {
        throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: GET_MEETINGS, message: "SUCCESS without a <meetings> element nor noMeetings" })
      }
      if (missingKeyAt >= 0) {
        throw new BbbError({
          kind: "SCHEMA_MISMATCH",
          callName: GET_MEETINGS,
          message: `meeting #${missingKeyAt + 1} has no internalMeetingID`,
          details: { index: missingKeyAt },
        })
      }
      return chunks
    },
  }
}

/** The same on a body already read; every chunk with its text. */
export function splitMeetingsXml(body: string | Uint8Array): MeetingChunk[] {
  const splitter = createMeetingsSplitter()
  splitter.push(typeof body === "string" ? Buffer.from(body, "utf8") : body)
  return splitter.end() as MeetingChunk[]
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
