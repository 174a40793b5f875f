// The simulator's JSON control API under /_sim/ (README.md): its state, generated load, meetings,
// attendees, recordings, faults and received chat, for tests, the demo and the CLI (cli.ts).
import type { IncomingMessage, ServerResponse } from "node:http"

import { ZodError } from "zod"

import { SimulatorError } from "./model"
import { readJson, sendHtml, sendJson } from "./respond"
import {
  addAttendeeInputSchema,
  addFaultInputSchema,
  addRecordingInputSchema,
  churnInputSchema,
  createMeetingInputSchema,
  loadInputSchema,
  recordingsLoadInputSchema,
  roomChatInputSchema,
} from "./schemas"
import type { SimulatorState } from "./state"
import { escapeXml } from "./xml"

export async function handleControl(state: SimulatorState, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
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
      if (id !== undefined && sub === "chat" && method === "POST") {
        // Someone types in the room's public chat (the chat-group-message-sent webhook follows).
        const input = roomChatInputSchema.parse(body)
        if (!state.postChatMessage({ meetingID: id, ...input })) throw new SimulatorError(404, `no running meeting ${id}`)
        return sendJson(res, 201, { ok: true })
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
