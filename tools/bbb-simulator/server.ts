// A BigBlueButton look-alike for development, the demo, end-to-end tests and benchmarks.
//
//   npx tsx tools/bbb-simulator/server.ts [--port 8090] [--secret ...] [--checksum sha1,sha256] [--load 1000x50]
//
// Serves the BBB API under /bigbluebutton/api/ (checksums verified like BBB does) and a JSON control API under
// /_sim/ (see README.md). startBbbSimulator() runs the same server in-process (port 0 for tests).
import { createHash, timingSafeEqual } from "node:crypto"
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { parseArgs } from "node:util"

import { ZodError } from "zod"

import {
  addFaultInputSchema,
  addRecordingInputSchema,
  recordingsLoadInputSchema,
  addAttendeeInputSchema,
  churnInputSchema,
  createMeetingInputSchema,
  loadInputSchema,
  simRoleSchema,
} from "./schemas"
import { type RecordingsPagination, type RecordingsQuery, type SimEvent, SimulatorError, SimulatorState } from "./state"
import { element, escapeXml, failedResponse, xmlResponse } from "./xml"

export const CHECKSUM_ALGORITHMS = ["sha1", "sha256", "sha384", "sha512"] as const
export type SimChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number]

/** Development secret used when none is given. Not a secret: never reuse it for a real server. */
export const DEFAULT_SIMULATOR_SECRET = "bbb-simulator-dev-secret"
export const DEFAULT_SIMULATOR_PORT = 8090

export type BbbSimulatorOptions = {
  /** 0 picks a free port (tests). Default 8090. */
  port?: number
  /** Default 127.0.0.1: the control API has no authentication. */
  host?: string
  secret?: string
  /** Algorithms whose checksums are accepted (recognised by their length). Default: all four. */
  checksumAlgorithms?: readonly SimChecksumAlgorithm[]
  /** How getRecordings answers offset/limit: BBB 2.6+ style with totals, or ignore them like older servers. */
  recordingsPagination?: RecordingsPagination
  /**
   * bbbVersion of the API root answer (BBB 2.6+ report it; BBB >= 3.0 also serves sendChatMessage). Default
   * "simulator" (no version number: clients treat it like a server older than 3.0 or a Scalelite).
   */
  bbbVersion?: string
  /** One line per API call on stdout (never the query string, which holds the checksum). */
  log?: boolean
}

export type BbbSimulator = {
  /** http://host:port */
  url: string
  /** http://host:port/bigbluebutton/api/ */
  apiUrl: string
  /** bbb-webhooks hooks registered through hooks/create, and the callbacks POSTed so far. */
  webhooks: { hooks(): { hookID: string; callbackURL: string }[]; delivered(): number; failed(): number; settled(): Promise<void> }
  secret: string
  state: SimulatorState
  close(): Promise<void>
}

const API_PREFIX = "/bigbluebutton/api"
const XML_TYPE = "text/xml;charset=UTF-8"
const MAX_JSON_BODY = 1_000_000

type Answer = { status: number; body: string | Buffer; contentType?: string; headers?: Record<string, string> }

export async function startBbbSimulator(options: BbbSimulatorOptions = {}): Promise<BbbSimulator> {
  const secret = options.secret ?? DEFAULT_SIMULATOR_SECRET
  const algorithms = new Set<SimChecksumAlgorithm>(options.checksumAlgorithms ?? CHECKSUM_ALGORITHMS)
  const state = new SimulatorState({ recordingsPagination: options.recordingsPagination })
  const hanging = new Set<ServerResponse>()

  // bbb-webhooks: hooks registered with hooks/create; each session event is POSTed to every hook as
  // `event=<JSON array>&timestamp=<ms>&domain=<host>`, with checksum = sha1(callbackURL + body + secret)
  // appended to the callback URL.
  const hooks = new Map<string, string>()
  let nextHookId = 1
  let delivered = 0
  let failedDeliveries = 0
  const inFlight = new Set<Promise<void>>()
  function deliver(event: SimEvent): void {
    const payload = [
      {
        data: {
          type: "event",
          id: event.id,
          attributes: {
            meeting: { "internal-meeting-id": event.internalMeetingID, "external-meeting-id": event.meetingID },
            ...(event.user ? { user: { "internal-user-id": event.user.userID, "external-user-id": event.user.userID, name: event.user.fullName, role: event.user.role } } : {}),
          },
          event: { ts: Date.now() },
        },
      },
    ]
    for (const callbackURL of new Set(hooks.values())) {
      const body = `event=${encodeURIComponent(JSON.stringify(payload))}&timestamp=${Date.now()}&domain=${encodeURIComponent(state.publicUrl)}`
      const checksum = createHash("sha1").update(callbackURL + body + secret, "utf8").digest("hex")
      const target = `${callbackURL}${callbackURL.includes("?") ? "&" : "?"}checksum=${checksum}`
      const sending = fetch(target, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" }, signal: AbortSignal.timeout(5_000) })
        .then((r) => (r.ok ? delivered++ : failedDeliveries++))
        .catch(() => failedDeliveries++)
        .then(() => undefined)
      inFlight.add(sending)
      void sending.finally(() => inFlight.delete(sending))
    }
  }
  state.onEvent = deliver

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) })
      else res.destroy()
    })
  })

  // Long keep-alive like the nginx in front of BBB (75 s): a client busy parsing a big answer must not find
  // its pooled connection closed under it.
  server.keepAliveTimeout = 75_000
  server.headersTimeout = 76_000

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator")
    const rawQuery = (req.url ?? "").includes("?") ? (req.url ?? "").slice((req.url ?? "").indexOf("?") + 1) : ""
    const path = url.pathname
    if (path === "/_sim" || path.startsWith("/_sim/")) return handleControl(req, res, path, url)
    if (path === API_PREFIX || path === `${API_PREFIX}/`) return handleApi(req, res, "version", url, rawQuery)
    if (path.startsWith(`${API_PREFIX}/`)) return handleApi(req, res, path.slice(API_PREFIX.length + 1), url, rawQuery)
    if (path.startsWith("/playback/")) return handlePlayback(req, res, path)
    sendHtml(res, 404, "Not found", "<p>BBB simulator: nothing here.</p>")
  }

  // ------------------------------------------------------------------------------------------ playbacks

  /** `/playback/video/<recordID>/video-0.m4v` is the video file (faults: call "playback"); other paths a page. */
  async function handlePlayback(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const video = /^\/playback\/video\/([^/]+)\/video-0\.m4v$/.exec(path)
    if (!video) return sendHtml(res, 200, "Recording playback (BBB simulator)", `<p>${escapeXml(path)}</p>`)
    state.countCall("playback")
    const fault = state.takeFault("playback")
    if (fault?.type === "hang") {
      hanging.add(res)
      res.on("close", () => hanging.delete(res))
      return
    }
    if (fault?.type === "reset") return void req.socket.destroy()
    if (fault?.type === "delay") await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms))
    if (fault?.type === "http-error") return sendHtml(res, fault.status, `${fault.status} Error`, "<p>BBB simulator fault</p>")
    const bytes = state.getPlaybackVideo(decodeURIComponent(video[1]!))
    if (!bytes) return sendHtml(res, 404, "Not found", "<p>No such video playback.</p>")
    if (fault?.type === "malformed") {
      // announce the whole file, send half, then cut: a download broken in the middle
      res.writeHead(200, { "content-type": "video/mp4", "content-length": bytes.length })
      res.write(bytes.subarray(0, bytes.length >> 1))
      return void setTimeout(() => res.destroy(), 10)
    }
    send(res, { status: 200, contentType: "video/mp4", body: bytes })
  }

  // ------------------------------------------------------------------------------------------ BBB API

  async function handleApi(req: IncomingMessage, res: ServerResponse, callName: string, url: URL, rawQuery: string): Promise<void> {
    const started = Date.now()
    state.countCall(callName)
    const fault = state.takeFault(callName)
    if (fault?.type === "hang") {
      hanging.add(res)
      res.on("close", () => hanging.delete(res))
      return
    }
    if (fault?.type === "reset") {
      req.socket.destroy()
      return
    }
    if (fault?.type === "delay") {
      await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.ms))
      if (res.destroyed) return
    }
    let answer: Answer
    if (fault?.type === "http-error") {
      answer = {
        status: fault.status,
        contentType: "text/html;charset=UTF-8",
        body: fault.body ?? `<html><body><h1>${fault.status} Error</h1><p>BBB simulator fault</p></body></html>`,
      }
    } else if (fault?.type === "failed") {
      answer = xml(failedResponse(fault.messageKey, fault.message ?? `Simulated failure (${fault.messageKey})`))
    } else if (callName !== "version" && !checksumIsValid(callName, rawQuery)) {
      answer = xml(failedResponse("checksumError", "You did not pass the checksum security check"))
    } else {
      answer = answerCall(callName, url.searchParams)
    }
    if (fault?.type === "malformed") answer = corrupt(answer, fault.variant)
    send(res, answer)
    if (options.log) console.log(`[bbb-sim] ${req.method} ${callName} ${answer.status}${fault ? ` (fault: ${fault.type})` : ""} ${Date.now() - started} ms`)
  }

  /** BBB's check: strip `checksum=` from the raw query string as received, hash callName + rest + secret. */
  function checksumIsValid(callName: string, rawQuery: string): boolean {
    const checksum = new URLSearchParams(rawQuery).get("checksum")
    if (!checksum) return false
    const algorithm = CHECKSUM_ALGORITHMS.find((candidate) => HEX_LENGTH[candidate] === checksum.length)
    if (!algorithm || !algorithms.has(algorithm)) return false
    const queryString = rawQuery
      .replace(`&checksum=${checksum}`, "")
      .replace(`checksum=${checksum}&`, "")
      .replace(`checksum=${checksum}`, "")
    const expected = createHash(algorithm).update(callName + queryString + secret, "utf8").digest("hex")
    const given = checksum.toLowerCase()
    return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  }

  function answerCall(callName: string, params: URLSearchParams): Answer {
    const meetingID = params.get("meetingID") ?? ""
    switch (callName) {
      case "version":
        return xml(xmlResponse(element("version", "2.0") + element("apiVersion", "2.0") + element("bbbVersion", options.bbbVersion ?? "simulator")))
      case "getMeetings":
        return { status: 200, contentType: XML_TYPE, body: state.getMeetingsBody() }
      case "getMeetingInfo": {
        if (!meetingID) return missingMeetingID()
        const body = state.getMeetingInfoXml(meetingID)
        return xml(body ?? failedResponse("notFound", "We could not find a meeting with that meeting ID"))
      }
      case "isMeetingRunning":
        if (!meetingID) return missingMeetingID()
        return xml(xmlResponse(element("running", state.isRunning(meetingID))))
      case "create":
        return create(params)
      case "join":
        return join(params)
      case "end": {
        if (!meetingID) return missingMeetingID()
        const meeting = state.getMeeting(meetingID)
        if (!meeting) return xml(failedResponse("notFound", "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?"))
        const password = params.get("password")
        if (password && state.passwordRole(meetingID, password) !== "MODERATOR") {
          return xml(failedResponse("invalidPassword", "You must supply the moderator password for this call."))
        }
        state.endMeeting(meetingID)
        return xml(
          xmlResponse(
            element("messageKey", "sentEndMeetingRequest") +
              element("message", "A request to end the meeting was sent.  Please wait a few seconds, and then use the getMeetingInfo or isMeetingRunning API calls to verify that it was ended."),
          ),
        )
      }
      case "getRecordings":
        return getRecordings(params)
      case "sendChatMessage":
        return sendChatMessage(params)
      case "hooks/create": {
        const callbackURL = params.get("callbackURL")
        if (!callbackURL || !URL.canParse(callbackURL)) return xml(failedResponse("missingParamCallbackURL", "You must specify a callbackURL in the parameters."))
        const existing = [...hooks.entries()].find(([, u]) => u === callbackURL)
        const hookID = existing?.[0] ?? String(nextHookId++)
        hooks.set(hookID, callbackURL)
        return xml(xmlResponse(element("hookID", hookID) + element("permanentHook", "false") + element("rawData", "false") + (existing ? element("messageKey", "duplicateWarning") : "")))
      }
      case "hooks/list":
        return xml(xmlResponse(`<hooks>${[...hooks.entries()].map(([id, u]) => `<hook>${element("hookID", id)}${element("callbackURL", u)}</hook>`).join("")}</hooks>`))
      case "hooks/destroy": {
        const hookID = params.get("hookID") ?? ""
        if (!hooks.delete(hookID)) return xml(failedResponse("destroyHookError", "An error happened while removing your hook. Check the logs."))
        return xml(xmlResponse(element("removed", "true")))
      }
      default:
        return { ...xml(failedResponse("unsupportedRequest", "This request is not supported.")), status: 404 }
    }
  }

  function create(params: URLSearchParams): Answer {
    const meetingID = params.get("meetingID")
    if (!meetingID) return missingMeetingID()
    const name = params.get("name")
    if (!name) return xml(failedResponse("missingParamName", "You must specify a name for the meeting."))
    const metadata: Record<string, string> = {}
    for (const [key, value] of params) {
      if (key.startsWith("meta_") && /^[a-zA-Z_][\w.-]*$/.test(key.slice(5))) metadata[key.slice(5).toLowerCase()] = value
    }
    const parsed = createMeetingInputSchema.safeParse({
      meetingID,
      name,
      record: params.get("record") === "true",
      running: false,
      metadata,
      parentMeetingID: params.get("isBreakout") === "true" ? (params.get("parentMeetingID") ?? undefined) : undefined,
      attendeePW: params.get("attendeePW") ?? undefined,
      moderatorPW: params.get("moderatorPW") ?? undefined,
      maxUsers: params.get("maxParticipants") ? Number(params.get("maxParticipants")) : undefined,
    })
    if (!parsed.success) return xml(failedResponse("paramError", parsed.error.issues.map((issue) => issue.message).join("; ")))
    try {
      const { meeting, created } = state.createMeeting(parsed.data)
      return xml(state.createAnswerXml(meeting.meetingID, !created))
    } catch (error) {
      if (error instanceof SimulatorError) return xml(failedResponse("notFound", error.message))
      throw error
    }
  }

  function join(params: URLSearchParams): Answer {
    const meetingID = params.get("meetingID")
    if (!meetingID) return missingMeetingID()
    if (!state.getMeeting(meetingID)) return xml(failedResponse("invalidMeetingIdentifier", "The meeting ID that you supplied did not match any existing meetings"))
    const fullName = params.get("fullName")
    if (!fullName) return xml(failedResponse("missingParamFullName", "You must specify a name for the attendee who will be joining the meeting."))
    const roleParam = params.get("role")
    const password = params.get("password")
    const role = roleParam ? simRoleSchema.safeParse(roleParam).data : password ? state.passwordRole(meetingID, password) : null
    if (!role) return xml(failedResponse("invalidPassword", "You must either send the valid role of the user, or the password, should the meeting have one."))
    const attendee = state.addAttendee(
      meetingID,
      addAttendeeInputSchema.parse({ fullName, role, userID: params.get("userID") || undefined }),
    )
    const sessionToken = createHash("sha1").update(attendee.internalUserID).digest("hex").slice(0, 16)
    if (params.get("redirect") === "false") {
      return xml(
        xmlResponse(
          element("messageKey", "successfullyJoined") +
            element("message", "You have joined successfully.") +
            element("meeting_id", state.getMeeting(meetingID)?.internalMeetingID ?? "") +
            element("user_id", attendee.internalUserID) +
            element("auth_token", sessionToken.slice(0, 12)) +
            element("session_token", sessionToken) +
            element("url", `/_sim/client?sessionToken=${sessionToken}`),
        ),
      )
    }
    const location = `/_sim/client?${new URLSearchParams({ meetingID, fullName, sessionToken }).toString()}`
    return { status: 302, contentType: "text/plain;charset=UTF-8", body: "", headers: { location } }
  }

  /** BBB 3.0: message (1–500 characters) into a running meeting's public chat as userName (default "System"). */
  function sendChatMessage(params: URLSearchParams): Answer {
    const meetingID = params.get("meetingID")
    if (!meetingID) return missingMeetingID()
    const message = params.get("message") ?? ""
    if (message.length === 0) return xml(failedResponse("missingParamMessage", "You must specify a message."))
    if (message.length > 500) return xml(failedResponse("invalidParamMessage", "The message must not exceed 500 characters."))
    const userName = params.get("userName") || "System"
    if (userName.length > 255) return xml(failedResponse("invalidParamUserName", "The user name must not exceed 255 characters."))
    if (!state.postChatMessage({ meetingID, message, userName })) {
      return xml(failedResponse("notFound", "We could not find a meeting with that meeting ID - perhaps the meeting is not yet running?"))
    }
    return xml(xmlResponse(element("messageKey", "chatMessageSent") + element("message", "The message was sent to the public chat.")))
  }

  function getRecordings(params: URLSearchParams): Answer {
    const list = (name: string) =>
      (params.get(name) ?? "")
        .split(",")
        .map((value) => value.trim())
        .filter(Boolean)
    const meta: Record<string, string> = {}
    for (const [key, value] of params) if (key.startsWith("meta_")) meta[key.slice(5)] = value
    const offsetParam = params.get("offset")
    const limitParam = params.get("limit")
    const offset = offsetParam === null ? null : Number(offsetParam)
    const limit = limitParam === null ? null : Number(limitParam)
    if (offset !== null && (!Number.isInteger(offset) || offset < 0)) return xml(failedResponse("invalidParamOffset", "offset must be an integer >= 0"))
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 100)) return xml(failedResponse("invalidParamLimit", "limit must be an integer between 1 and 100"))
    const query: RecordingsQuery = { meetingIDs: list("meetingID"), recordIDs: list("recordID"), states: list("state"), meta, offset, limit }
    return xml(state.getRecordingsXml(query))
  }

  // ------------------------------------------------------------------------------------------ control API

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const parts = path.split("/").filter(Boolean).slice(1).map(decodeURIComponent) // after "_sim"
    const method = req.method ?? "GET"
    try {
      const body = method === "POST" || method === "PUT" || method === "PATCH" ? await readJson(req) : undefined
      const [resource, id, sub, subId] = parts
      if (resource === "health" && method === "GET") return sendJson(res, 200, { ok: true })
      if (resource === "client") {
        return sendHtml(res, 200, "BBB simulator client", `<p>Joined ${escapeXml(url.searchParams.get("meetingID") ?? "")} as ${escapeXml(url.searchParams.get("fullName") ?? "")}.</p>`)
      }
      if (resource === "state" && method === "GET") return sendJson(res, 200, state.view())
      if (resource === "calls" && method === "GET") return sendJson(res, 200, state.callCounts())
      if (resource === "chat" && method === "GET") return sendJson(res, 200, state.listChatMessages(url.searchParams.get("meetingID") ?? undefined))
      if (resource === "reset" && method === "POST") {
        state.reset()
        return sendJson(res, 200, { ok: true })
      }
      if (resource === "load" && method === "POST") return sendJson(res, 200, state.generateLoad(loadInputSchema.parse(body ?? {})))
      if (resource === "churn" && method === "POST") return sendJson(res, 200, state.churn(churnInputSchema.parse(body ?? {})))
      if (resource === "meetings") {
        if (id === undefined && method === "POST") {
          const { meeting, created } = state.createMeeting(createMeetingInputSchema.parse(body))
          if (!created) throw new SimulatorError(409, `meeting ${meeting.meetingID} already exists`)
          return sendJson(res, 201, meeting)
        }
        if (id !== undefined && sub === undefined && method === "GET") {
          const meeting = state.getMeeting(id)
          if (!meeting) throw new SimulatorError(404, `no meeting ${id}`)
          return sendJson(res, 200, meeting)
        }
        if (id !== undefined && sub === undefined && method === "DELETE") {
          if (!state.endMeeting(id)) throw new SimulatorError(404, `no meeting ${id}`)
          return sendJson(res, 200, { ok: true })
        }
        if (id !== undefined && sub === "attendees" && subId === undefined && method === "POST") {
          return sendJson(res, 201, state.addAttendee(id, addAttendeeInputSchema.parse(body)))
        }
        if (id !== undefined && sub === "attendees" && subId !== undefined && method === "DELETE") {
          const removed = state.removeAttendee(id, subId)
          if (removed === 0) throw new SimulatorError(404, `no attendee ${subId} in ${id}`)
          return sendJson(res, 200, { removed })
        }
      }
      if (resource === "recordings") {
        if (id === "load" && method === "POST") return sendJson(res, 200, state.generateRecordings(recordingsLoadInputSchema.parse(body ?? {})))
        if (id === undefined && method === "GET") return sendJson(res, 200, state.listRecordings())
        if (id === undefined && method === "POST") return sendJson(res, 201, state.addRecording(addRecordingInputSchema.parse(body)))
        if (id !== undefined && method === "DELETE") {
          if (!state.deleteRecording(id)) throw new SimulatorError(404, `no recording ${id}`)
          return sendJson(res, 200, { ok: true })
        }
      }
      if (resource === "faults") {
        if (id === undefined && method === "GET") return sendJson(res, 200, state.view().faults)
        if (id === undefined && method === "POST") return sendJson(res, 201, state.addFault(addFaultInputSchema.parse(body)))
        if (id === undefined && method === "DELETE") {
          state.clearFaults()
          return sendJson(res, 200, { ok: true })
        }
        if (id !== undefined && method === "DELETE") {
          if (!state.removeFault(id)) throw new SimulatorError(404, `no fault ${id}`)
          return sendJson(res, 200, { ok: true })
        }
      }
      throw new SimulatorError(404, `no control route ${method} ${path}`)
    } catch (error) {
      if (error instanceof ZodError) {
        return sendJson(res, 400, { error: "invalid input", issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) })
      }
      if (error instanceof SimulatorError) return sendJson(res, error.status, { error: error.message })
      throw error
    }
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen)
    server.listen(options.port ?? DEFAULT_SIMULATOR_PORT, options.host ?? "127.0.0.1", () => {
      server.off("error", rejectListen)
      resolveListen()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  state.publicUrl = url

  return {
    url,
    apiUrl: `${url}${API_PREFIX}/`,
    secret,
    state,
    webhooks: {
      hooks: () => [...hooks.entries()].map(([hookID, callbackURL]) => ({ hookID, callbackURL })),
      delivered: () => delivered,
      failed: () => failedDeliveries,
      settled: async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      },
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const res of hanging) res.destroy()
        hanging.clear()
        server.close(() => resolveClose())
        server.closeAllConnections()
      }),
  }
}

const HEX_LENGTH: Record<SimChecksumAlgorithm, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 }

function xml(body: string): Answer {
  return { status: 200, contentType: XML_TYPE, body }
}

function missingMeetingID(): Answer {
  return xml(failedResponse("missingParamMeetingID", "You must specify a meeting ID for the meeting."))
}

/** The broken answers a flaky proxy or a crashing server produce, served with HTTP 200. */
function corrupt(answer: Answer, variant: "truncated" | "unbalanced" | "not-xml" | "empty"): Answer {
  const text = typeof answer.body === "string" ? answer.body : answer.body.toString("utf8")
  switch (variant) {
    case "truncated":
      return { ...answer, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) }
    case "unbalanced": {
      // drop the last closing tag before </response>: every element still opens, one never closes
      const end = text.lastIndexOf("</response>")
      const lastClose = text.lastIndexOf("</", end - 1)
      const gt = text.indexOf(">", lastClose)
      return { ...answer, body: lastClose > 0 ? text.slice(0, lastClose) + text.slice(gt + 1) : text.slice(0, -3) }
    }
    case "not-xml":
      return { status: 200, contentType: "text/html;charset=UTF-8", body: "<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>" }
    case "empty":
      return { ...answer, body: "" }
  }
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return
  const body = typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : answer.body
  res.writeHead(answer.status, { "content-type": answer.contentType ?? XML_TYPE, "content-length": body.length, "cache-control": "no-cache", ...answer.headers })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, contentType: "application/json;charset=UTF-8", body: JSON.stringify(value) })
}

function sendHtml(res: ServerResponse, status: number, title: string, content: string): void {
  send(res, {
    status,
    contentType: "text/html;charset=UTF-8",
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><h1>${escapeXml(title)}</h1>${content}</body></html>`,
  })
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BODY) throw new SimulatorError(413, "body too large")
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString("utf8").trim()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new SimulatorError(400, "body is not JSON")
  }
}

// ------------------------------------------------------------------------------------------ command line

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      secret: { type: "string" },
      checksum: { type: "string" },
      pagination: { type: "string" },
      "bbb-version": { type: "string" },
      load: { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  })
  if (values.help) {
    console.log(`Usage: npx tsx tools/bbb-simulator/server.ts [options]
  --port <n>          BBB_SIM_PORT, default ${DEFAULT_SIMULATOR_PORT} (0 = any free port)
  --host <addr>       BBB_SIM_HOST, default 127.0.0.1
  --secret <s>        BBB_SIM_SECRET, default the development secret "${DEFAULT_SIMULATOR_SECRET}"
  --checksum <list>   BBB_SIM_CHECKSUM, accepted algorithms, default sha1,sha256,sha384,sha512
  --pagination <p>    getRecordings offset/limit: pagination-element (default) | total-elements | ignore
  --bbb-version <v>   BBB_SIM_BBB_VERSION, the bbbVersion reported (e.g. 3.0.4), default "simulator"
  --load <M>x<A>      start with M running meetings of A attendees (e.g. 1000x50)
  --quiet             no per-call log lines`)
    return
  }
  const env = process.env
  const port = Number(values.port ?? env.BBB_SIM_PORT ?? DEFAULT_SIMULATOR_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port "${values.port ?? env.BBB_SIM_PORT}"`)
  const checksumList = (values.checksum ?? env.BBB_SIM_CHECKSUM ?? CHECKSUM_ALGORITHMS.join(","))
    .split(",")
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean)
  const unknown = checksumList.filter((value) => !(CHECKSUM_ALGORITHMS as readonly string[]).includes(value))
  if (unknown.length > 0 || checksumList.length === 0) throw new Error(`invalid checksum algorithms "${checksumList.join(",")}" (use ${CHECKSUM_ALGORITHMS.join(", ")})`)
  const pagination = (values.pagination ?? "pagination-element") as RecordingsPagination
  if (!["pagination-element", "total-elements", "ignore"].includes(pagination)) throw new Error(`invalid --pagination "${pagination}"`)
  const secret = values.secret ?? env.BBB_SIM_SECRET ?? DEFAULT_SIMULATOR_SECRET

  const simulator = await startBbbSimulator({
    port,
    host: values.host ?? env.BBB_SIM_HOST ?? "127.0.0.1",
    secret,
    checksumAlgorithms: checksumList as SimChecksumAlgorithm[],
    recordingsPagination: pagination,
    bbbVersion: values["bbb-version"] ?? env.BBB_SIM_BBB_VERSION,
    log: !values.quiet,
  })
  if (values.load) {
    const match = /^(\d+)x(\d+)$/.exec(values.load)
    if (!match) throw new Error(`invalid --load "${values.load}" (expected e.g. 1000x50)`)
    const result = simulator.state.generateLoad({ meetings: Number(match[1]), attendeesPerMeeting: Number(match[2]) })
    console.log(`[bbb-sim] generated ${result.created} running meetings of ${match[2]} attendees`)
  }
  console.log(`[bbb-sim] BBB simulator listening on ${simulator.url}`)
  console.log(`[bbb-sim]   BBB_SERVER_URL=${simulator.url}/   API ${simulator.apiUrl}`)
  console.log(`[bbb-sim]   secret: ${secret === DEFAULT_SIMULATOR_SECRET ? `"${DEFAULT_SIMULATOR_SECRET}" (development default)` : "as configured"}; checksums: ${checksumList.join(", ")}`)
  console.log(`[bbb-sim]   control API ${simulator.url}/_sim/state (see tools/bbb-simulator/README.md)`)
  if (!["127.0.0.1", "::1", "localhost"].includes(values.host ?? env.BBB_SIM_HOST ?? "127.0.0.1")) {
    console.log("[bbb-sim]   WARNING: the control API has no authentication and is now reachable from the network")
  }
  const stop = () => {
    void simulator.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`[bbb-sim] ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
