// The BigBlueButton / Scalelite API client. Created from explicit options (the caller reads settings), it signs
// every call as BBB expects and returns typed, validated data or throws a BbbError (code BBB_UNAVAILABLE).
// No call ever turns a failure into an empty result. Nothing here logs: errors carry the endpoint without its
// query string, so neither the secret-derived checksum nor the parameters end up in logs by accident.
import type { z } from "zod"

import { AppError } from "@/lib/errors"

import { type QueryParams, resolveApiBaseUrl, signQuery } from "./checksum"
import { BbbError, isBbbFailure, redactChecksums } from "./errors"
import { parseEndXml, parseIsMeetingRunningXml, parseSendChatMessageXml, parseMeetingChunks, parseMeetingInfoXml, createMeetingsSplitter } from "./parse-meetings"
import { parseRecordingsXml } from "./parse-recordings"
import { createBbbXmlParser, readBbbResponse } from "./parse-xml"
import {
  type BbbClientOptionsInput,
  type BbbMeeting,
  type BbbRecording,
  type BbbRecordingList,
  type BbbRecordingsPage,
  type BbbVersion,
  type EndMeetingInput,
  type GetRecordingsFilter,
  type GetRecordingsPageInput,
  type JoinUrlInput,
  type GetMeetingChunksOptions,
  type MeetingChunk,
  type ScannedMeetingChunk,
  type SendChatMessageInput,
  bbbClientOptionsSchema,
  endMeetingInputSchema,
  getRecordingsFilterSchema,
  getRecordingsPageInputSchema,
  joinUrlInputSchema,
  sendChatMessageInputSchema,
} from "./schemas"

export type BbbClient = {
  /** `<server>/bigbluebutton/api/`: safe to log. */
  readonly apiUrl: string
  /** Every meeting, fully parsed (built on getMeetingChunks + parseMeetingChunks). */
  getMeetings(): Promise<BbbMeeting[]>
  /** getMeetings cut into raw per-meeting chunks with hashes, for callers that parse only what changed. */
  getMeetingChunks(): Promise<MeetingChunk[]>
  /** The same, streamed; meetings `isUnchanged` accepts are only hashed (xml null). */
  getMeetingChunks(options: GetMeetingChunksOptions): Promise<ScannedMeetingChunk[]>
  /** One meeting by its (external) meetingID; null when BBB answers FAILED notFound. */
  getMeetingInfo(meetingID: string): Promise<BbbMeeting | null>
  isMeetingRunning(meetingID: string): Promise<boolean>
  /** All recordings matching the filter, following offset/limit pagination until everything is read. */
  getRecordings(filter?: GetRecordingsFilter, options?: { pageSize?: number }): Promise<BbbRecordingList>
  /**
   * The same, one page of new recordings at a time (duplicates across pages removed), for callers that
   * process large servers without holding every recording in memory.
   */
  iterateRecordings(filter?: GetRecordingsFilter, options?: { pageSize?: number }): AsyncGenerator<BbbRecordingList>
  /** One getRecordings request (offset/limit are ignored by servers without pagination). */
  getRecordingsPage(input?: GetRecordingsPageInput): Promise<BbbRecordingsPage>
  /** The `end` call. FAILED notFound is thrown like any failure (see isBbbFailure). */
  endMeeting(input: EndMeetingInput): Promise<void>
  /** BBB >= 3.0: posts a message to the meeting's public chat under `userName`. Throws BbbError when refused. */
  sendChatMessage(input: SendChatMessageInput): Promise<void>
  /** A signed join URL (no network). It embeds a checksum: hand it to the user, do not log it. */
  buildJoinUrl(input: JoinUrlInput): string
  /** The unsigned API root answer (version numbers); a cheap reachability check. */
  getVersion(): Promise<BbbVersion>
}

/** Guard against servers whose pagination never ends (a million recordings in pages of 100). */
const MAX_RECORDING_PAGES = 10_000

const versionParser = createBbbXmlParser([])

/** Errors of a request sent on a connection the server had already closed (keep-alive race). */
const STALE_CONNECTION_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"])

export function createBbbClient(options: BbbClientOptionsInput): BbbClient {
  const parsed = bbbClientOptionsSchema.safeParse(options)
  if (!parsed.success) {
    // issue paths and messages only: never echo the secret
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
    throw new AppError("INVALID_INPUT", { message: `Invalid BBB client options: ${problems}` })
  }
  const config = parsed.data
  const apiUrl = resolveApiBaseUrl(config.serverUrl)

  function signedUrl(callName: string, params: QueryParams): string {
    return `${apiUrl}${callName}?${signQuery({ callName, params, secret: config.secret, algorithm: config.checksumAlgorithm })}`
  }

  /**
   * GET and read the whole body within timeoutMs; maps transport failures to BbbError. Read-only calls are
   * tried once more when a kept-alive connection turns out to be closed by the server (a reset before any
   * answer), still within the same time budget; `end` never is, since it may have reached the server.
   * A 2xx body goes to `read` (whole text by default, or streamed); an error it throws (a BbbError of the
   * scanner) stops the download. gzip and deflate are accepted and decompressed as a stream.
   */
  async function fetchBody(callName: string, url: string, options: { retryOnReset: boolean }): Promise<string>
  async function fetchBody<T>(callName: string, url: string, options: { retryOnReset: boolean; read: (body: ReadableStream<Uint8Array>) => Promise<T> }): Promise<T>
  async function fetchBody<T>(
    callName: string,
    url: string,
    options: { retryOnReset: boolean; read?: (body: ReadableStream<Uint8Array>) => Promise<T> },
  ): Promise<T | string> {
    const endpoint = url.split("?")[0]
    const signal = AbortSignal.timeout(config.timeoutMs)
    const transportError = (error: unknown, attempts: number) => {
      if (isAbort(error) || signal.aborted) {
        return new BbbError({
          kind: "TIMEOUT",
          callName,
          message: `no complete answer within ${config.timeoutMs} ms`,
          details: { endpoint, timeoutMs: config.timeoutMs },
          cause: error,
        })
      }
      const reason = networkReason(error)
      const corrupt = reason.startsWith("Z_") || /incorrect (header|data) check|invalid (block|distance|stored)|unexpected end of file/i.test(reason)
      return new BbbError({
        kind: "NETWORK",
        callName,
        message: corrupt ? `the compressed answer is corrupt (${reason})` : `cannot reach ${new URL(apiUrl).host}: ${reason}`,
        details: { endpoint, reason, attempts },
        cause: error,
      })
    }
    let response: Response
    for (let attempt = 1; ; attempt++) {
      try {
        response = await fetch(url, { signal, headers: { accept: "text/xml, application/xml;q=0.9, */*;q=0.1", "accept-encoding": "gzip, deflate" } })
        break
      } catch (error) {
        if (!(isAbort(error) || signal.aborted) && options.retryOnReset && attempt === 1 && STALE_CONNECTION_CODES.has(networkReason(error))) continue
        throw transportError(error, attempt)
      }
    }
    const status = response.status
    try {
      if (status < 200 || status > 299) {
        const body = await response.text()
        throw new BbbError({
          kind: "HTTP_STATUS",
          callName,
          httpStatus: status,
          message: `HTTP ${status}`,
          details: { endpoint, bodyStart: redactChecksums(body.slice(0, 200)) },
        })
      }
      if (!options.read) return await response.text()
      if (!response.body) return await options.read(new Blob([]).stream())
      return await options.read(response.body)
    } catch (error) {
      if (error instanceof BbbError) {
        await response.body?.cancel().catch(() => undefined)
        throw error
      }
      throw transportError(error, 1)
    }
  }

  function call(callName: string, params: QueryParams = {}): Promise<string> {
    // `end` and `sendChatMessage` are never sent twice: the first may have reached the server.
    return fetchBody(callName, signedUrl(callName, params), { retryOnReset: callName !== "end" && callName !== "sendChatMessage" })
  }

  /** getMeetings read as a stream through the `<meeting>` scanner: the body is never held whole. */
  function getMeetingChunks(): Promise<MeetingChunk[]>
  function getMeetingChunks(options: GetMeetingChunksOptions): Promise<ScannedMeetingChunk[]>
  async function getMeetingChunks(options: GetMeetingChunksOptions = {}): Promise<ScannedMeetingChunk[]> {
    return fetchBody("getMeetings", signedUrl("getMeetings", {}), {
      retryOnReset: true,
      read: async (body: ReadableStream<Uint8Array>) => {
        const splitter = createMeetingsSplitter(options)
        const reader = body.getReader()
        try {
          for (;;) {
            const { done, value } = await reader.read()
            if (done) return splitter.end()
            splitter.push(value)
          }
        } catch (error) {
          await reader.cancel().catch(() => undefined) // a broken answer: stop downloading the rest
          throw error
        }
      },
    })
  }

  async function getRecordingsPage(input: GetRecordingsPageInput = {}): Promise<BbbRecordingsPage> {
    const { offset, limit, ...filter } = parseInput(getRecordingsPageInputSchema, input, "getRecordings")
    return parseRecordingsXml(await call("getRecordings", { ...recordingFilterParams(filter), offset, limit }))
  }

  async function* iterateRecordings(filter: GetRecordingsFilter = {}, options: { pageSize?: number } = {}): AsyncGenerator<BbbRecordingList> {
    const parsedFilter = parseInput(getRecordingsFilterSchema, filter, "getRecordings")
    const limit = options.pageSize ?? 100
    const seen = new Set<string>()
    const seenUnreadable = new Set<string>()
    let offset = 0
    for (let page = 0; ; page++) {
      if (page >= MAX_RECORDING_PAGES) {
        throw new BbbError({ kind: "SCHEMA_MISMATCH", callName: "getRecordings", message: `pagination did not end after ${page} pages` })
      }
      const result = await getRecordingsPage({ ...parsedFilter, offset, limit })
      const recordings = result.recordings.filter((recording) => !seen.has(recording.recordID))
      const unreadableRecordIDs = result.unreadableRecordIDs.filter((recordID) => !seenUnreadable.has(recordID))
      for (const recording of recordings) seen.add(recording.recordID)
      for (const recordID of unreadableRecordIDs) seenUnreadable.add(recordID)
      if (recordings.length > 0 || unreadableRecordIDs.length > 0) yield { recordings, unreadableRecordIDs }
      // Stop on an empty page; on a page larger than asked (the server ignores pagination and sent
      // everything); on a page with nothing new (it ignores offset: Scalelite, BBB < 2.6); at the total.
      const fresh = recordings.length + unreadableRecordIDs.length
      if (result.itemCount === 0 || result.itemCount > limit || fresh === 0) return
      offset += result.itemCount
      if (result.total !== null && offset >= result.total) return
    }
  }

  return {
    apiUrl,

    getMeetingChunks,

    async getMeetings() {
      return parseMeetingChunks(await getMeetingChunks())
    },

    async getMeetingInfo(meetingID) {
      const body = await call("getMeetingInfo", { meetingID: requireId(meetingID, "getMeetingInfo") })
      try {
        return parseMeetingInfoXml(body)
      } catch (error) {
        if (isBbbFailure(error, "notFound")) return null
        throw error
      }
    },

    async isMeetingRunning(meetingID) {
      return parseIsMeetingRunningXml(await call("isMeetingRunning", { meetingID: requireId(meetingID, "isMeetingRunning") }))
    },

    getRecordingsPage,

    iterateRecordings,

    async getRecordings(filter = {}, options = {}) {
      const recordings: BbbRecording[] = []
      const unreadableRecordIDs: string[] = []
      for await (const page of iterateRecordings(filter, options)) {
        recordings.push(...page.recordings)
        unreadableRecordIDs.push(...page.unreadableRecordIDs)
      }
      return { recordings, unreadableRecordIDs }
    },

    async endMeeting(input) {
      const { meetingID, password } = parseInput(endMeetingInputSchema, input, "end")
      parseEndXml(await call("end", { meetingID, password }))
    },

    async sendChatMessage(input) {
      const { meetingID, message, userName } = parseInput(sendChatMessageInputSchema, input, "sendChatMessage")
      parseSendChatMessageXml(await call("sendChatMessage", { meetingID, message, userName }))
    },

    buildJoinUrl(input) {
      const { extra, redirect, createTime, ...join } = parseInput(joinUrlInputSchema, input, "join")
      return signedUrl("join", {
        ...extra,
        fullName: join.fullName,
        meetingID: join.meetingID,
        role: join.role,
        password: join.password,
        userID: join.userID,
        createTime,
        redirect,
      })
    },

    async getVersion() {
      const { response } = readBbbResponse(await fetchBody("version", apiUrl, { retryOnReset: true }), "version", versionParser)
      const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)
      return { version: text(response.version), apiVersion: text(response.apiVersion), bbbVersion: text(response.bbbVersion) }
    },
  }
}

function recordingFilterParams(filter: { meetingID?: string | string[]; recordID?: string | string[]; state?: string | string[]; meta?: Record<string, string> }): QueryParams {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value)
  const params: QueryParams = { meetingID: list(filter.meetingID), recordID: list(filter.recordID), state: list(filter.state) }
  for (const [key, value] of Object.entries(filter.meta ?? {})) params[`meta_${key}`] = value
  return params
}

function parseInput<T extends z.ZodType>(schema: T, value: unknown, callName: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(input)"}: ${issue.message}`).join("; ")
  throw new AppError("INVALID_INPUT", { message: `Invalid ${callName} input: ${problems}` })
}

function requireId(value: string, callName: string): string {
  if (typeof value !== "string" || value.length === 0) throw new AppError("INVALID_INPUT", { message: `${callName} needs a meetingID` })
  return value
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  if (cause && typeof cause.code === "string") return cause.code
  if (cause && typeof cause.message === "string") return cause.message
  return error instanceof Error ? error.message : String(error)
}
