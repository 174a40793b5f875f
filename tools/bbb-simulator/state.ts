// In-memory BigBlueButton: meetings with their attendees and metadata, recordings, chat, call counters and
// the session events. Its parts: model.ts (the records), render-xml.ts (BBB's XML answers; each meeting's
// fragment is cached and rebuilt only when that meeting changes, and the whole getMeetings body until
// anything changes, so polling 1,000 meetings x 50 attendees stays cheap), faults.ts (injected faults),
// load.ts (generated meetings, churn and recordings). The HTTP side: server.ts.
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"

import { FaultRules } from "./faults"
import { churn, generateLoad, generateRecordings } from "./load"
import {
  type RecordingsPagination,
  type RecordingsQuery,
  type SimAttendee,
  type SimChatMessage,
  type SimEvent,
  type SimMeeting,
  type SimRecording,
  SimulatorError,
  attendeeView,
  lowercaseKeys,
  recordingView,
} from "./model"
import { createRandom, randomToken } from "./names"
import { createAnswerXml, meetingInfoXml, meetingsXml, recordingsXml } from "./render-xml"
import {
  type AddAttendeeInput,
  type AddFaultInput,
  type AddRecordingInput,
  type ChurnInput,
  type CreateMeetingInput,
  type LoadInput,
  type RecordingsLoadInput,
  type SimAttendeeView,
  type SimFault,
  type SimFaultRule,
  type SimMeetingDetail,
  type SimMeetingView,
  type SimRecordingView,
  type SimStateView,
  addAttendeeInputSchema,
  addRecordingInputSchema,
  createMeetingInputSchema,
  playbackFormatInputSchema,
} from "./schemas"

export class SimulatorState {
  /** Called on each session event (the server delivers them to registered hooks). */
  onEvent: ((event: SimEvent) => void) | null = null
  private readonly meetings = new Map<string, SimMeeting>()
  private readonly internalIndex = new Map<string, SimMeeting>()
  private readonly recordings = new Map<string, SimRecording>()
  private readonly faults = new FaultRules()
  private readonly calls = new Map<string, number>()
  private chat: SimChatMessage[] = []
  private version = 0
  private meetingsBody: { version: number; body: Buffer } | null = null
  private random = createRandom(Date.now() & 0xffffffff)
  publicUrl = "http://127.0.0.1"
  recordingsPagination: RecordingsPagination

  constructor(options: { recordingsPagination?: RecordingsPagination } = {}) {
    this.recordingsPagination = options.recordingsPagination ?? "pagination-element"
  }

  // ------------------------------------------------------------------------------------------ meetings

  /** Creates a meeting, or returns the existing one with `created: false` (BBB's duplicateWarning). */
  createMeeting(input: CreateMeetingInput): { meeting: SimMeetingDetail; created: boolean } {
    const data = createMeetingInputSchema.parse(input)
    const meetingID = data.meetingID ?? `sim-${randomToken(this.random, 10)}`
    const existing = this.meetings.get(meetingID)
    if (existing) return { meeting: this.detail(existing), created: false }
    // BBB's create names the parent by its internal id; the control API also accepts its meetingID
    const parent = data.parentMeetingID === undefined ? null : this.findMeeting(data.parentMeetingID)
    if (data.parentMeetingID !== undefined && !parent) throw new SimulatorError(404, `no parent meeting ${data.parentMeetingID}`)
    const createTime = data.createTime ?? Date.now()
    const meeting: SimMeeting = {
      meetingID,
      internalMeetingID: `${createHash("sha1").update(meetingID).digest("hex")}-${createTime}`,
      meetingName: data.name,
      createTime,
      attendeePW: data.attendeePW ?? randomToken(this.random, 8),
      moderatorPW: data.moderatorPW ?? randomToken(this.random, 8),
      voiceBridge: String(70_000 + Math.floor(this.random() * 29_999)),
      record: data.record,
      running: false,
      hasUserJoined: false,
      startTime: 0,
      maxUsers: data.maxUsers,
      metadata: lowercaseKeys(data.metadata),
      attendees: new Map(),
      parentInternalID: parent?.internalMeetingID ?? null,
      sequence: parent ? (data.sequence ?? parent.breakoutRooms.length + 1) : null,
      freeJoin: data.freeJoin ?? false,
      breakoutRooms: [],
      xml: null,
    }
    if (this.internalIndex.has(meeting.internalMeetingID)) throw new SimulatorError(409, "internal meeting id collision, retry")
    this.meetings.set(meetingID, meeting)
    this.internalIndex.set(meeting.internalMeetingID, meeting)
    if (parent) {
      parent.breakoutRooms.push(meeting.internalMeetingID)
      this.touch(parent)
    }
    for (const attendee of data.attendees) this.insertAttendee(meeting, addAttendeeInputSchema.parse(attendee))
    if (data.running) this.markRunning(meeting)
    this.touch(meeting)
    this.onEvent?.({ id: "meeting-created", meetingID, internalMeetingID: meeting.internalMeetingID })
    return { meeting: this.detail(meeting), created: true }
  }

  getMeeting(meetingID: string): SimMeetingDetail | null {
    const meeting = this.meetings.get(meetingID)
    return meeting ? this.detail(meeting) : null
  }

  /**
   * Ends a meeting (and its breakout rooms). A recorded meeting leaves a published presentation
   * recording behind, as BBB does after processing. Returns false when no such meeting exists.
   */
  endMeeting(meetingID: string): boolean {
    const meeting = this.meetings.get(meetingID)
    if (!meeting) return false
    for (const childID of meeting.breakoutRooms) {
      const child = this.internalIndex.get(childID)
      if (child) this.endMeeting(child.meetingID)
    }
    this.meetings.delete(meetingID)
    this.internalIndex.delete(meeting.internalMeetingID)
    if (meeting.parentInternalID) {
      const parent = this.internalIndex.get(meeting.parentInternalID)
      if (parent) {
        parent.breakoutRooms = parent.breakoutRooms.filter((id) => id !== meeting.internalMeetingID)
        this.touch(parent)
      }
    }
    if (meeting.record && meeting.hasUserJoined) {
      this.addRecording({
        recordID: meeting.internalMeetingID,
        meetingID: meeting.meetingID,
        name: meeting.meetingName,
        startTime: meeting.startTime || meeting.createTime,
        endTime: Math.max(Date.now(), (meeting.startTime || meeting.createTime) + 1_000),
        participants: meeting.attendees.size,
        metadata: meeting.metadata,
        isBreakout: meeting.parentInternalID !== null,
      })
    }
    this.version++
    this.onEvent?.({ id: "meeting-ended", meetingID, internalMeetingID: meeting.internalMeetingID })
    return true
  }

  addAttendee(meetingID: string, input: AddAttendeeInput): SimAttendeeView {
    const meeting = this.requireMeeting(meetingID)
    const attendee = this.insertAttendee(meeting, addAttendeeInputSchema.parse(input))
    this.markRunning(meeting)
    this.touch(meeting)
    const view = attendeeView(attendee)
    this.onEvent?.({ id: "user-joined", meetingID, internalMeetingID: meeting.internalMeetingID, user: { userID: view.userID, fullName: view.fullName, role: view.role } })
    return view
  }

  /** Removes the attendees whose external or internal user id is `userID`; returns how many left. */
  removeAttendee(meetingID: string, userID: string): number {
    const meeting = this.requireMeeting(meetingID)
    let removed = 0
    for (const [key, attendee] of meeting.attendees) {
      if (attendee.userID === userID || attendee.internalUserID === userID) {
        meeting.attendees.delete(key)
        removed++
      }
    }
    if (removed > 0) this.touch(meeting)
    return removed
  }

  isRunning(meetingID: string): boolean {
    return this.meetings.get(meetingID)?.running ?? false
  }

  passwordRole(meetingID: string, password: string): "MODERATOR" | "VIEWER" | null {
    const meeting = this.requireMeeting(meetingID)
    if (password === meeting.moderatorPW) return "MODERATOR"
    if (password === meeting.attendeePW) return "VIEWER"
    return null
  }

  // --------------------------------------------------------------------------------------- generated load

  /** Adds `meetings` running meetings of `attendeesPerMeeting` people (deterministic for a seed). */
  generateLoad(input: LoadInput = {}): { created: number; meetingIDs: string[] } {
    return generateLoad({ hasMeeting: (meetingID) => this.meetings.has(meetingID), createMeeting: (meeting) => this.createMeeting(meeting) }, input)
  }

  /** Adds or removes one viewer in `meetings` random running meetings; returns the changed meetingIDs. */
  churn(input: ChurnInput = {}): { meetingIDs: string[] } {
    return churn(
      {
        random: this.random,
        runningMeetings: () => [...this.meetings.values()].filter((meeting) => meeting.running),
        insertAttendee: (meeting, data) => void this.insertAttendee(meeting, data),
        touch: (meeting) => this.touch(meeting),
      },
      input,
    )
  }

  // ------------------------------------------------------------------------------------------ recordings

  addRecording(input: AddRecordingInput): SimRecordingView {
    const data = addRecordingInputSchema.parse(input)
    const startTime = data.startTime ?? Date.now() - 3_600_000
    // As BBB does, a session's recording carries the session's internal id: its record id is that id
    // (then <id>-<start> for a second one added by hand), and <internalMeetingID> names the session, so
    // that whoever reads it (the recording migration) finds the session's moderators.
    const session = data.internalMeetingID ?? this.meetings.get(data.meetingID)?.internalMeetingID
    const recordID =
      data.recordID ??
      (session
        ? this.recordings.has(session)
          ? `${session}-${startTime}`
          : session
        : `${createHash("sha1").update(`${data.meetingID}/${startTime}/${this.recordings.size}`).digest("hex")}-${startTime}`)
    const recording: SimRecording = {
      recordID,
      meetingID: data.meetingID,
      internalMeetingID: session ?? recordID,
      name: data.name ?? this.meetings.get(data.meetingID)?.meetingName ?? data.meetingID,
      state: data.state,
      startTime,
      endTime: data.endTime ?? startTime + 3_600_000,
      participants: data.participants,
      metadata: lowercaseKeys(data.metadata),
      isBreakout: data.isBreakout || data.parentMeetingID !== undefined,
      parentMeetingID: data.parentMeetingID ?? null,
      formats: data.formats.map((format) => {
        const spec = playbackFormatInputSchema.parse(typeof format === "string" ? { type: format } : format)
        return {
          type: spec.type,
          url: spec.url ?? `${this.publicUrl}/playback/${encodeURIComponent(spec.type)}/${recordID}/`,
          length: spec.length ?? Math.max(1, Math.round(((data.endTime ?? startTime + 3_600_000) - startTime) / 60_000)),
          processingTime: spec.processingTime ?? 1_000,
        }
      }),
      xml: null,
    }
    this.recordings.set(recordID, recording)
    return recordingView(recording)
  }

  /** See recordingsLoadInputSchema. Returns the record ids created, in creation order. */
  generateRecordings(input: RecordingsLoadInput = {}): { created: number; recordIDs: string[] } {
    return generateRecordings({ hasRecording: (recordID) => this.recordings.has(recordID), addRecording: (recording) => this.addRecording(recording) }, input)
  }

  /** The bytes of a recording's video playback file (`<video url>video-0.m4v`), or null when it has none. */
  getPlaybackVideo(recordID: string): Buffer | null {
    const recording = this.recordings.get(recordID)
    if (!recording || !recording.formats.some((format) => format.type === "video")) return null
    return playbackVideoBytes(recordID)
  }

  deleteRecording(recordID: string): boolean {
    return this.recordings.delete(recordID)
  }

  // ------------------------------------------------------------------------------------------ faults

  addFault(input: AddFaultInput): SimFaultRule {
    return this.faults.add(input)
  }

  removeFault(id: string): boolean {
    return this.faults.remove(id)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  /** The fault for this call, if any (newest rule first; a rule naming the call wins over "*"). */
  takeFault(callName: string): SimFault | null {
    return this.faults.take(callName)
  }

  // ------------------------------------------------------------------------------------------ bookkeeping

  countCall(callName: string): void {
    this.calls.set(callName, (this.calls.get(callName) ?? 0) + 1)
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls)
  }

  /**
   * Posts to a running meeting's public chat (sendChatMessage, or someone typing in the room); false when
   * no such meeting runs. Like BBB >= 2.7, bbb-webhooks then emits chat-group-message-sent.
   */
  postChatMessage(input: { meetingID: string; message: string; userName: string }): boolean {
    const meeting = this.meetings.get(input.meetingID)
    if (!meeting || !this.isRunning(input.meetingID)) return false
    this.chat.push({ ...input, receivedAt: new Date().toISOString() })
    const senderID = `w_${createHash("sha1").update(input.userName).digest("hex").slice(0, 12)}`
    this.onEvent?.({ id: "chat-group-message-sent", meetingID: input.meetingID, internalMeetingID: meeting.internalMeetingID, chat: { message: input.message, senderName: input.userName, senderID } })
    return true
  }

  /** Chat messages received through sendChatMessage, oldest first (of one meeting when given). */
  listChatMessages(meetingID?: string): SimChatMessage[] {
    return this.chat.filter((message) => meetingID === undefined || message.meetingID === meetingID).map((message) => ({ ...message }))
  }

  reset(): void {
    this.chat = []
    this.meetings.clear()
    this.internalIndex.clear()
    this.recordings.clear()
    this.faults.clear()
    this.calls.clear()
    this.version++
    this.meetingsBody = null
  }

  view(): SimStateView {
    return {
      meetings: [...this.meetings.values()].map((meeting) => this.meetingView(meeting)),
      recordingCount: this.recordings.size,
      faults: this.faults.list(),
      calls: this.callCounts(),
    }
  }

  listRecordings(): SimRecordingView[] {
    return [...this.recordings.values()].map(recordingView)
  }

  // ------------------------------------------------------------------------------------------ XML answers

  /** The whole getMeetings answer, rebuilt only after a change. */
  getMeetingsBody(): Buffer {
    if (this.meetingsBody?.version === this.version) return this.meetingsBody.body
    const xml = meetingsXml(this.meetings.values(), this.meetings.size)
    this.meetingsBody = { version: this.version, body: Buffer.from(xml, "utf8") }
    return this.meetingsBody.body
  }

  getMeetingInfoXml(meetingID: string): string | null {
    const meeting = this.meetings.get(meetingID)
    return meeting ? meetingInfoXml(meeting) : null
  }

  createAnswerXml(meetingID: string, duplicate: boolean): string {
    return createAnswerXml(this.requireMeeting(meetingID), duplicate)
  }

  getRecordingsXml(query: RecordingsQuery): string {
    return recordingsXml(this.recordings.values(), query, this.recordingsPagination)
  }

  // ------------------------------------------------------------------------------------------ internals

  private findMeeting(id: string): SimMeeting | null {
    return this.meetings.get(id) ?? this.internalIndex.get(id) ?? null
  }

  private requireMeeting(meetingID: string): SimMeeting {
    const meeting = this.meetings.get(meetingID)
    if (!meeting) throw new SimulatorError(404, `no meeting ${meetingID}`)
    return meeting
  }

  private insertAttendee(meeting: SimMeeting, data: ReturnType<typeof addAttendeeInputSchema.parse>): SimAttendee {
    let internalUserID = `w_${randomToken(this.random, 12)}`
    while (meeting.attendees.has(internalUserID)) internalUserID = `w_${randomToken(this.random, 12)}`
    const hasPresenter = [...meeting.attendees.values()].some((attendee) => attendee.isPresenter)
    const attendee: SimAttendee = {
      userID: data.userID ?? internalUserID,
      internalUserID,
      fullName: data.fullName,
      role: data.role,
      isPresenter: data.isPresenter ?? (!hasPresenter && data.role === "MODERATOR"),
      isListeningOnly: data.isListeningOnly,
      hasJoinedVoice: data.hasJoinedVoice,
      hasVideo: data.hasVideo,
      clientType: data.clientType,
    }
    meeting.attendees.set(internalUserID, attendee)
    return attendee
  }

  private markRunning(meeting: SimMeeting): void {
    if (meeting.running) return
    meeting.running = true
    meeting.hasUserJoined = meeting.hasUserJoined || meeting.attendees.size > 0
    meeting.startTime = meeting.startTime || Date.now()
  }

  private touch(meeting: SimMeeting): void {
    meeting.xml = null
    if (meeting.attendees.size > 0) meeting.hasUserJoined = true
    this.version++
  }

  private meetingView(meeting: SimMeeting): SimMeetingView {
    const attendees = [...meeting.attendees.values()]
    return {
      meetingID: meeting.meetingID,
      internalMeetingID: meeting.internalMeetingID,
      meetingName: meeting.meetingName,
      createTime: meeting.createTime,
      running: meeting.running,
      record: meeting.record,
      isBreakout: meeting.parentInternalID !== null,
      parentMeetingID: meeting.parentInternalID,
      breakoutRooms: [...meeting.breakoutRooms],
      metadata: { ...meeting.metadata },
      participantCount: attendees.length,
      moderatorCount: attendees.filter((attendee) => attendee.role === "MODERATOR").length,
    }
  }

  private detail(meeting: SimMeeting): SimMeetingDetail {
    return { ...this.meetingView(meeting), attendees: [...meeting.attendees.values()].map(attendeeView) }
  }
}

/**
 * A recording's video playback file: a real 2 s video (VP9 in MP4, 96×64, which every Chromium decodes;
 * tools/bbb-simulator/playback-video.mp4, made by the ffmpeg command in the README) followed by a `free`
 * box of bytes derived from the record id, which players skip: each recording's file differs, and it
 * weighs about 70 kB as before.
 */
function playbackVideoBytes(recordID: string): Buffer {
  const chunks: Buffer[] = []
  let block = createHash("sha256").update(recordID).digest()
  for (let i = 0; i < 2048; i++) {
    chunks.push(block)
    block = createHash("sha256").update(block).digest()
  }
  const filler = Buffer.concat(chunks)
  const freeHeader = Buffer.alloc(8)
  freeHeader.writeUInt32BE(8 + filler.length, 0)
  freeHeader.write("free", 4, "latin1")
  return Buffer.concat([playbackVideo(), freeHeader, filler])
}

let playbackVideoFile: Buffer | undefined
function playbackVideo(): Buffer {
  playbackVideoFile ??= readFileSync(new URL("./playback-video.mp4", import.meta.url))
  return playbackVideoFile
}
