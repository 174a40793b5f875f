// In-memory BigBlueButton: meetings with their attendees and metadata, recordings, injected faults and call
// counters. Each meeting's XML fragment is cached and rebuilt only when that meeting changes, and the whole
// getMeetings body is cached until anything changes, so polling 1,000 meetings x 50 attendees stays cheap.
import { createHash } from "node:crypto"

import { createRandom, personName, randomToken, roomName } from "./names"
import {
  type AddAttendeeInput,
  type AddFaultInput,
  type AddRecordingInput,
  type ChurnInput,
  type CreateMeetingInput,
  type LoadInput,
  type SimAttendeeView,
  type SimFault,
  type SimFaultRule,
  type SimMeetingDetail,
  type SimMeetingView,
  type SimRecordingView,
  type SimStateView,
  addAttendeeInputSchema,
  addFaultInputSchema,
  addRecordingInputSchema,
  churnInputSchema,
  createMeetingInputSchema,
  loadInputSchema,
  playbackFormatInputSchema,
  type RecordingsLoadInput,
  recordingsLoadInputSchema,
} from "./schemas"
import { element, javaDate, metadataXml, xmlResponse } from "./xml"

export type RecordingsPagination = "pagination-element" | "total-elements" | "ignore"

type SimAttendee = {
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

type SimMeeting = {
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

type SimRecording = {
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

/** What bbb-webhooks would POST about (see server.ts, hooks/create). */
export type SimEvent = { id: "meeting-created" | "meeting-ended" | "user-joined"; meetingID: string; internalMeetingID: string; user?: { userID: string; fullName: string; role: string } }

/** A message received by sendChatMessage (BBB >= 3.0), kept so tests can read back what BBB got. */
export type SimChatMessage = { meetingID: string; message: string; userName: string; receivedAt: string }

export class SimulatorState {
  /** Called on each session event (the server delivers them to registered hooks). */
  onEvent: ((event: SimEvent) => void) | null = null
  private readonly meetings = new Map<string, SimMeeting>()
  private readonly internalIndex = new Map<string, SimMeeting>()
  private readonly recordings = new Map<string, SimRecording>()
  private faultRules: SimFaultRule[] = []
  private readonly calls = new Map<string, number>()
  private chat: SimChatMessage[] = []
  private version = 0
  private meetingsBody: { version: number; body: Buffer } | null = null
  private random = createRandom(Date.now() & 0xffffffff)
  private faultCounter = 0
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
    const data = loadInputSchema.parse(input)
    const random = createRandom(data.seed)
    const width = String(data.meetings).length
    const meetingIDs: string[] = []
    const now = Date.now()
    for (let i = 1; i <= data.meetings; i++) {
      const meetingID = `${data.prefix}-${String(i).padStart(width, "0")}`
      if (this.meetings.has(meetingID)) continue
      const attendees: AddAttendeeInput[] = []
      for (let a = 0; a < data.attendeesPerMeeting; a++) {
        const isModerator = a < data.moderatorsPerMeeting
        attendees.push({
          fullName: personName(random),
          role: isModerator ? "MODERATOR" : "VIEWER",
          // most users come with an external id (LMS / our app); some join without one
          userID: random() < 0.8 ? `user-${Math.floor(random() * 1_000_000)}` : undefined,
          isPresenter: a === 0,
          hasJoinedVoice: random() < 0.3,
          hasVideo: random() < 0.1,
        })
      }
      this.createMeeting({
        meetingID,
        name: roomName(random, i),
        record: data.record,
        createTime: now - Math.floor(random() * 3_600_000),
        metadata: { "bbb-origin": "Pod", "bbb-origin-server-name": "pod.example.org", "bbb-context": `Cours n°${i} & TD` },
        attendees,
      })
      meetingIDs.push(meetingID)
    }
    return { created: meetingIDs.length, meetingIDs }
  }

  /** Adds or removes one viewer in `meetings` random running meetings; returns the changed meetingIDs. */
  churn(input: ChurnInput = {}): { meetingIDs: string[] } {
    const data = churnInputSchema.parse(input)
    const random = data.seed === undefined ? this.random : createRandom(data.seed)
    const running = [...this.meetings.values()].filter((meeting) => meeting.running)
    const changed = new Set<string>()
    const wanted = Math.min(data.meetings, running.length)
    while (changed.size < wanted) {
      const meeting = running[Math.floor(random() * running.length)] as SimMeeting
      if (changed.has(meeting.meetingID)) continue
      changed.add(meeting.meetingID)
      const viewer = [...meeting.attendees.values()].reverse().find((attendee) => attendee.role === "VIEWER")
      if (viewer && random() < 0.5) meeting.attendees.delete(viewer.internalUserID)
      else this.insertAttendee(meeting, addAttendeeInputSchema.parse({ fullName: personName(random), role: "VIEWER" }))
      this.touch(meeting)
    }
    return { meetingIDs: [...changed] }
  }

  // ------------------------------------------------------------------------------------------ recordings

  addRecording(input: AddRecordingInput): SimRecordingView {
    const data = addRecordingInputSchema.parse(input)
    const startTime = data.startTime ?? Date.now() - 3_600_000
    const recordID = data.recordID ?? `${createHash("sha1").update(`${data.meetingID}/${startTime}/${this.recordings.size}`).digest("hex")}-${startTime}`
    const recording: SimRecording = {
      recordID,
      meetingID: data.meetingID,
      internalMeetingID: recordID,
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
    const data = recordingsLoadInputSchema.parse(input)
    const random = createRandom(data.seed)
    const width = String(data.count).length
    const recordIDs: string[] = []
    // Fixed base: same seed, same dates and ids, whatever the day.
    const base = Date.UTC(2020, 3, 24, 8, 0, 0)
    let parent: { meetingID: string; internalMeetingID: string } | null = null
    for (let i = 1; i <= data.count; i++) {
      const meetingID = `${data.prefix}-${String(i).padStart(width, "0")}`
      const startTime = base + i * 3_600_000 + Math.floor(random() * 1_800_000)
      const recordID = `${createHash("sha1").update(`${data.prefix}/${data.seed}/${i}`).digest("hex")}-${startTime}`
      if (this.recordings.has(recordID)) continue
      const kind = i % 10
      // names: plain, unicode, ";" and quotes, or a course name with "&" / "<"
      const name =
        kind === 3 ? `Réunion; "bilan" n°${i}` : kind === 7 ? `${personName(random)} — 講義 ${i}` : `${roomName(random, i)} ${i}`
      const metadata: Record<string, string> = {}
      if (kind < 6) {
        // Moodle activities, on three Moodle servers; one server the migration is told to ignore
        const server = ["moodle.univ.example", "moodle2.univ.example", "moodle-test.univ.example"][i % 3]
        Object.assign(metadata, {
          "bbb-origin": "Moodle",
          "bbb-origin-server-name": server,
          "bbb-origin-version": "4.1.2 (Build: 20230313)",
          "bbb-origin-tag": "moodle-mod_bigbluebuttonbn (2022112802)",
          "bbb-context": `Cours ${i}; "L3" & TD`,
          "bbb-context-id": String(1000 + i),
          "bbb-context-label": `L3-${i}`,
          "bbb-recording-name": name,
          "bbb-recording-description": i % 4 === 0 ? "Séance\nenregistrée" : "",
        })
      } else if (kind < 8) {
        Object.assign(metadata, { "bbb-origin": "Pod", "bbb-origin-server-name": "pod.univ.example", "bbb-origin-version": "3.8.0" })
      }
      // every 12th recording is a breakout room of the previous main one
      const isBreakout = i % 12 === 0 && parent !== null
      const formats: AddRecordingInput["formats"] = i % 5 === 0 || i % 5 === 1 ? ["presentation", "video"] : ["presentation"]
      const recording = this.addRecording({
        recordID,
        meetingID: isBreakout ? `${parent!.meetingID}-breakout` : meetingID,
        name,
        state: i % 9 === 0 ? "unpublished" : "published",
        startTime,
        endTime: startTime + 600_000 + Math.floor(random() * 5_400_000),
        participants: 1 + Math.floor(random() * 80),
        metadata,
        formats,
        parentMeetingID: isBreakout ? parent!.internalMeetingID : undefined,
      })
      if (!isBreakout) parent = { meetingID, internalMeetingID: recording.internalMeetingID }
      recordIDs.push(recordID)
    }
    return { created: recordIDs.length, recordIDs }
  }

  /** The bytes of a recording's video playback file (`<video url>video-0.m4v`), or null when it has none. */
  getPlaybackVideo(recordID: string): Buffer | null {
    const recording = this.recordings.get(recordID)
    if (!recording || !recording.formats.some((format) => format.type === "video")) return null
    return fakeVideoBytes(recordID)
  }

  deleteRecording(recordID: string): boolean {
    return this.recordings.delete(recordID)
  }

  // ------------------------------------------------------------------------------------------ faults

  addFault(input: AddFaultInput): SimFaultRule {
    const data = addFaultInputSchema.parse(input)
    const rule: SimFaultRule = { id: `fault-${++this.faultCounter}`, call: data.call, fault: data.fault, remaining: data.times ?? null, skip: data.after }
    this.faultRules.push(rule)
    return rule
  }

  removeFault(id: string): boolean {
    const before = this.faultRules.length
    this.faultRules = this.faultRules.filter((rule) => rule.id !== id)
    return this.faultRules.length < before
  }

  clearFaults(): void {
    this.faultRules = []
  }

  /** The fault for this call, if any (newest rule first; a rule naming the call wins over "*"). */
  takeFault(callName: string): SimFault | null {
    const rule =
      [...this.faultRules].reverse().find((candidate) => candidate.call === callName) ??
      [...this.faultRules].reverse().find((candidate) => candidate.call === "*")
    if (!rule) return null
    if (rule.skip > 0) {
      rule.skip--
      return null
    }
    if (rule.remaining !== null) {
      rule.remaining--
      if (rule.remaining <= 0) this.removeFault(rule.id)
    }
    return rule.fault
  }

  // ------------------------------------------------------------------------------------------ bookkeeping

  countCall(callName: string): void {
    this.calls.set(callName, (this.calls.get(callName) ?? 0) + 1)
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls)
  }

  /** sendChatMessage: posts to a running meeting's public chat; false when no such meeting runs. */
  postChatMessage(input: { meetingID: string; message: string; userName: string }): boolean {
    if (!this.isRunning(input.meetingID)) return false
    this.chat.push({ ...input, receivedAt: new Date().toISOString() })
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
    this.faultRules = []
    this.calls.clear()
    this.version++
    this.meetingsBody = null
  }

  view(): SimStateView {
    return {
      meetings: [...this.meetings.values()].map((meeting) => this.meetingView(meeting)),
      recordingCount: this.recordings.size,
      faults: this.faultRules.map((rule) => ({ ...rule })),
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
    let xml: string
    if (this.meetings.size === 0) {
      xml = xmlResponse(`<meetings/>${element("messageKey", "noMeetings")}${element("message", "no meetings were found on this server")}`)
    } else {
      const parts: string[] = ["<response><returncode>SUCCESS</returncode><meetings>"]
      for (const meeting of this.meetings.values()) parts.push("<meeting>", this.meetingXml(meeting), "</meeting>")
      parts.push("</meetings></response>")
      xml = parts.join("")
    }
    this.meetingsBody = { version: this.version, body: Buffer.from(xml, "utf8") }
    return this.meetingsBody.body
  }

  getMeetingInfoXml(meetingID: string): string | null {
    const meeting = this.meetings.get(meetingID)
    return meeting ? xmlResponse(this.meetingXml(meeting)) : null
  }

  createAnswerXml(meetingID: string, duplicate: boolean): string {
    const meeting = this.requireMeeting(meetingID)
    const parent = meeting.parentInternalID ?? "bbb-none"
    return xmlResponse(
      element("meetingID", meeting.meetingID) +
        element("internalMeetingID", meeting.internalMeetingID) +
        element("parentMeetingID", parent) +
        element("attendeePW", meeting.attendeePW) +
        element("moderatorPW", meeting.moderatorPW) +
        element("createTime", meeting.createTime) +
        element("voiceBridge", meeting.voiceBridge) +
        element("dialNumber", "613-555-1234") +
        element("createDate", javaDate(meeting.createTime)) +
        element("hasUserJoined", meeting.hasUserJoined) +
        element("duration", 0) +
        element("hasBeenForciblyEnded", false) +
        (duplicate
          ? element("messageKey", "duplicateWarning") +
            element("message", "This conference was already in existence and may currently be in progress.")
          : ""),
    )
  }

  getRecordingsXml(query: RecordingsQuery): string {
    const matching = [...this.recordings.values()].filter((recording) => recordingMatches(recording, query))
    const paginate = this.recordingsPagination !== "ignore" && query.limit !== null
    const offset = paginate ? (query.offset ?? 0) : 0
    const page = paginate ? matching.slice(offset, offset + (query.limit as number)) : matching
    let inner = `<recordings>${page.map((recording) => `<recording>${this.recordingXml(recording)}</recording>`).join("")}</recordings>`
    if (paginate && this.recordingsPagination === "total-elements") inner += element("totalElements", matching.length)
    if (paginate && this.recordingsPagination === "pagination-element") {
      inner +=
        `<pagination><pageable>${element("offset", offset)}${element("limit", query.limit as number)}</pageable>` +
        `${element("totalElements", matching.length)}${element("empty", page.length === 0)}</pagination>`
    }
    if (page.length === 0) inner += element("messageKey", "noRecordings") + element("message", "There are no recordings for the meeting(s).")
    return xmlResponse(inner)
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

  /** Children of <meeting> (getMeetings) or of <response> (getMeetingInfo), in BBB's template order. */
  private meetingXml(meeting: SimMeeting): string {
    if (meeting.xml !== null) return meeting.xml
    const attendees = [...meeting.attendees.values()]
    const moderators = attendees.filter((attendee) => attendee.role === "MODERATOR").length
    const attendeesXml = attendees.length
      ? `<attendees>${attendees
          .map(
            (attendee) =>
              `<attendee>${element("userID", attendee.userID)}${element("fullName", attendee.fullName)}${element("role", attendee.role)}` +
              `${element("isPresenter", attendee.isPresenter)}${element("isListeningOnly", attendee.isListeningOnly)}` +
              `${element("hasJoinedVoice", attendee.hasJoinedVoice)}${element("hasVideo", attendee.hasVideo)}` +
              `${element("clientType", attendee.clientType)}</attendee>`,
          )
          .join("")}</attendees>`
      : "<attendees></attendees>"
    const isBreakout = meeting.parentInternalID !== null
    meeting.xml =
      element("meetingName", meeting.meetingName) +
      element("meetingID", meeting.meetingID) +
      element("internalMeetingID", meeting.internalMeetingID) +
      element("createTime", meeting.createTime) +
      element("createDate", javaDate(meeting.createTime)) +
      element("voiceBridge", meeting.voiceBridge) +
      element("dialNumber", "613-555-1234") +
      element("attendeePW", meeting.attendeePW) +
      element("moderatorPW", meeting.moderatorPW) +
      element("running", meeting.running) +
      element("duration", 0) +
      element("hasUserJoined", meeting.hasUserJoined) +
      element("recording", meeting.record) +
      element("hasBeenForciblyEnded", false) +
      element("startTime", meeting.startTime) +
      element("endTime", 0) +
      element("participantCount", attendees.length) +
      element("listenerCount", attendees.filter((attendee) => attendee.isListeningOnly).length) +
      element("voiceParticipantCount", attendees.filter((attendee) => attendee.hasJoinedVoice).length) +
      element("videoCount", attendees.filter((attendee) => attendee.hasVideo).length) +
      element("maxUsers", meeting.maxUsers) +
      element("moderatorCount", moderators) +
      attendeesXml +
      metadataXml("metadata", meeting.metadata) +
      element("isBreakout", isBreakout) +
      (isBreakout
        ? element("parentMeetingID", meeting.parentInternalID as string) +
          element("sequence", meeting.sequence ?? 1) +
          element("freeJoin", meeting.freeJoin)
        : "") +
      (meeting.breakoutRooms.length ? `<breakoutRooms>${meeting.breakoutRooms.map((id) => element("breakout", id)).join("")}</breakoutRooms>` : "")
    return meeting.xml
  }

  private recordingXml(recording: SimRecording): string {
    if (recording.xml !== null) return recording.xml
    recording.xml =
      element("recordID", recording.recordID) +
      element("meetingID", recording.meetingID) +
      element("internalMeetingID", recording.internalMeetingID) +
      element("name", recording.name) +
      element("isBreakout", recording.isBreakout) +
      element("published", recording.state === "published") +
      element("state", recording.state) +
      element("startTime", recording.startTime) +
      element("endTime", recording.endTime) +
      element("participants", recording.participants) +
      (recording.parentMeetingID ? `<breakout>${element("parentId", recording.parentMeetingID)}${element("sequence", 1)}${element("freeJoin", false)}</breakout>` : "") +
      metadataXml("metadata", { ...recording.metadata, meetingName: recording.name, meetingId: recording.meetingID }) +
      `<playback>${recording.formats
        .map(
          (format) =>
            `<format>${element("type", format.type)}${element("url", format.url)}${element("processingTime", format.processingTime)}` +
            `${element("length", format.length)}</format>`,
        )
        .join("")}</playback>`
    return recording.xml
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

function attendeeView(attendee: SimAttendee): SimAttendeeView {
  return {
    userID: attendee.userID,
    internalUserID: attendee.internalUserID,
    fullName: attendee.fullName,
    role: attendee.role,
    isPresenter: attendee.isPresenter,
    clientType: attendee.clientType,
  }
}

function recordingView(recording: SimRecording): SimRecordingView {
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

/** A small, deterministic stand-in for an .m4v file: an MP4 `ftyp` box, then bytes derived from the id. */
function fakeVideoBytes(recordID: string): Buffer {
  const header = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypM4V "), 0, 0, 0, 1, ...Buffer.from("M4V isom")])
  const chunks = [header]
  let block = createHash("sha256").update(recordID).digest()
  for (let i = 0; i < 2048; i++) {
    chunks.push(block)
    block = createHash("sha256").update(block).digest()
  }
  return Buffer.concat(chunks)
}

function lowercaseKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]))
}

/** BBB's rules: recordID (prefix match) wins over meetingID; default states published+unpublished; meta with % wildcards. */
function recordingMatches(recording: SimRecording, query: RecordingsQuery): boolean {
  if (query.recordIDs.length > 0) {
    if (!query.recordIDs.some((id) => recording.recordID.startsWith(id))) return false
  } else if (query.meetingIDs.length > 0 && !query.meetingIDs.includes(recording.meetingID)) {
    return false
  }
  const states = query.states.length > 0 ? query.states : ["published", "unpublished"]
  if (!states.includes("any") && !states.includes(recording.state)) return false
  for (const [key, filter] of Object.entries(query.meta)) {
    const value = recording.metadata[key.toLowerCase()]
    if (value === undefined || !metaMatches(value, filter)) return false
  }
  return true
}

function metaMatches(value: string, filter: string): boolean {
  const starts = filter.startsWith("%")
  const ends = filter.endsWith("%") && filter.length > 1
  const core = filter.slice(starts ? 1 : 0, ends ? -1 : undefined)
  if (starts && ends) return value.includes(core)
  if (starts) return value.endsWith(core)
  if (ends) return value.startsWith(core)
  return value === filter
}

