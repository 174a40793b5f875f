// The simulator's records (meetings, attendees, recordings), the shapes its parts exchange and the views
// the control API returns. The state (state.ts) owns the records; render-xml.ts prints them, load.ts
// generates them.
import type { SimAttendeeView, SimRecordingView } from "./schemas"

export type RecordingsPagination = "pagination-element" | "total-elements" | "ignore"

export type SimAttendee = {
  userID: string
  internalUserID: string
  fullName: string
  role: "MODERATOR" | "VIEWER"
  isPresenter: boolean
  isListeningOnly: boolean
  hasJoinedVoice: boolean
  hasVideo: boolean
  clientType: string
}

export type SimMeeting = {
  meetingID: string
  internalMeetingID: string
  meetingName: string
  createTime: number
  attendeePW: string
  moderatorPW: string
  voiceBridge: string
  record: boolean
  running: boolean
  hasUserJoined: boolean
  startTime: number
  maxUsers: number
  metadata: Record<string, string>
  attendees: Map<string, SimAttendee>
  parentInternalID: string | null
  sequence: number | null
  freeJoin: boolean
  breakoutRooms: string[]
  /** Cached inner XML (children of <meeting>), null when stale. */
  xml: string | null
}

export type SimRecording = {
  recordID: string
  meetingID: string
  internalMeetingID: string
  name: string
  state: string
  startTime: number
  endTime: number
  participants: number
  metadata: Record<string, string>
  isBreakout: boolean
  parentMeetingID: string | null
  formats: { type: string; url: string; length: number; processingTime: number }[]
  xml: string | null
}

export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = "SimulatorError"
  }
}

export type RecordingsQuery = {
  meetingIDs: string[]
  recordIDs: string[]
  states: string[]
  meta: Record<string, string>
  offset: number | null
  limit: number | null
}

/** What bbb-webhooks would POST about (see webhooks.ts, hooks/create). */
export type SimEvent = {
  id: "meeting-created" | "meeting-ended" | "user-joined" | "chat-group-message-sent"
  meetingID: string
  internalMeetingID: string
  user?: { userID: string; fullName: string; role: string }
  /** chat-group-message-sent: what was written in the public chat, and by whom. */
  chat?: { message: string; senderName: string; senderID: string }
}

/** A message of a meeting's public chat (sendChatMessage, BBB >= 3.0, or typed in the room through the control API), kept so tests can read back what BBB got. */
export type SimChatMessage = { meetingID: string; message: string; userName: string; receivedAt: string }

export function attendeeView(attendee: SimAttendee): SimAttendeeView {
  return {
    userID: attendee.userID,
    internalUserID: attendee.internalUserID,
    fullName: attendee.fullName,
    role: attendee.role,
    isPresenter: attendee.isPresenter,
    clientType: attendee.clientType,
  }
}

export function recordingView(recording: SimRecording): SimRecordingView {
  return {
    recordID: recording.recordID,
    meetingID: recording.meetingID,
    internalMeetingID: recording.internalMeetingID,
    name: recording.name,
    state: recording.state,
    published: recording.state === "published",
    startTime: recording.startTime,
    endTime: recording.endTime,
    formats: recording.formats.map((format) => format.type),
  }
}

export function lowercaseKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]))
}
