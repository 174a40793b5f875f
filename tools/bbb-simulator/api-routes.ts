// The BBB API the simulator serves (/bigbluebutton/api/<call>, checksums verified like BBB does) and the
// recordings' playback files (/playback/...), with the faults injected for each call (faults.ts).
import { createHash, timingSafeEqual } from "node:crypto"
import type { IncomingMessage, ServerResponse } from "node:http"

import { type RecordingsQuery, SimulatorError } from "./model"
import { type Answer, XML_TYPE, send, sendHtml, xml } from "./respond"
import { addAttendeeInputSchema, createMeetingInputSchema, simRoleSchema } from "./schemas"
import type { SimulatorState } from "./state"
import type { SimWebhooks } from "./webhooks"
import { element, escapeXml, failedResponse, xmlResponse } from "./xml"

export const CHECKSUM_ALGORITHMS = ["sha1", "sha256", "sha384", "sha512"] as const
export type SimChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number]

export type ApiRoutesOptions = {
  state: SimulatorState
  webhooks: SimWebhooks
  secret: string
  /** Algorithms whose checksums are accepted (recognised by their length). */
  algorithms: ReadonlySet<SimChecksumAlgorithm>
  /** bbbVersion of the API root answer. */
  bbbVersion?: string
  /** One line per API call on stdout. */
  log?: boolean
  /** Answers held open by a "hang" fault (the server destroys them on close). */
  hanging: Set<ServerResponse>
}

export function createApiRoutes(options: ApiRoutesOptions) {
  const { state, webhooks, secret, algorithms, hanging } = options

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
        const { hookID, existing } = webhooks.register(callbackURL)
        return xml(xmlResponse(element("hookID", hookID) + element("permanentHook", "false") + element("rawData", "false") + (existing ? element("messageKey", "duplicateWarning") : "")))
      }
      case "hooks/list":
        return xml(xmlResponse(`<hooks>${webhooks.hooks().map(({ hookID, callbackURL }) => `<hook>${element("hookID", hookID)}${element("callbackURL", callbackURL)}</hook>`).join("")}</hooks>`))
      case "hooks/destroy": {
        const hookID = params.get("hookID") ?? ""
        if (!webhooks.destroy(hookID)) return xml(failedResponse("destroyHookError", "An error happened while removing your hook. Check the logs."))
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

  return { handleApi, handlePlayback }
}

const HEX_LENGTH: Record<SimChecksumAlgorithm, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 }

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
