// Generated load: many running meetings at once (deterministic for a seed), churn among their viewers, and
// a catalogue of recordings shaped like a real server's (Moodle and Pod metadata, unicode names, breakout
// rooms). Each generator works through the few state operations it is handed (state.ts wires them).
import { createHash } from "node:crypto"

import { type SimMeeting } from "./model"
import { type Random, createRandom, personName, roomName } from "./names"
import {
  type AddAttendeeInput,
  type AddRecordingInput,
  type ChurnInput,
  type CreateMeetingInput,
  type LoadInput,
  type RecordingsLoadInput,
  type SimRecordingView,
  addAttendeeInputSchema,
  churnInputSchema,
  loadInputSchema,
  recordingsLoadInputSchema,
} from "./schemas"

export type LoadTarget = { hasMeeting(meetingID: string): boolean; createMeeting(input: CreateMeetingInput): unknown }

/** Churn changes attendees directly: no join event, no start (the meetings already run). */
export type ChurnTarget = {
  /** The state's own generator, used when no seed is given. */
  random: Random
  runningMeetings(): SimMeeting[]
  insertAttendee(meeting: SimMeeting, data: ReturnType<typeof addAttendeeInputSchema.parse>): void
  /** The meeting changed: its cached XML and the getMeetings body are stale. */
  touch(meeting: SimMeeting): void
}

export type RecordingsLoadTarget = { hasRecording(recordID: string): boolean; addRecording(input: AddRecordingInput): SimRecordingView }

/** Adds `meetings` running meetings of `attendeesPerMeeting` people (deterministic for a seed). */
export function generateLoad(target: LoadTarget, input: LoadInput = {}): { created: number; meetingIDs: string[] } {
  const data = loadInputSchema.parse(input)
  const random = createRandom(data.seed)
  const width = String(data.meetings).length
  const meetingIDs: string[] = []
  const now = Date.now()
  for (let i = 1; i <= data.meetings; i++) {
    const meetingID = `${data.prefix}-${String(i).padStart(width, "0")}`
    if (target.hasMeeting(meetingID)) continue
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
    target.createMeeting({
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
export function churn(target: ChurnTarget, input: ChurnInput = {}): { meetingIDs: string[] } {
  const data = churnInputSchema.parse(input)
  const random = data.seed === undefined ? target.random : createRandom(data.seed)
  const running = target.runningMeetings()
  const changed = new Set<string>()
  const wanted = Math.min(data.meetings, running.length)
  while (changed.size < wanted) {
    const meeting = running[Math.floor(random() * running.length)] as SimMeeting
    if (changed.has(meeting.meetingID)) continue
    changed.add(meeting.meetingID)
    const viewer = [...meeting.attendees.values()].reverse().find((attendee) => attendee.role === "VIEWER")
    if (viewer && random() < 0.5) meeting.attendees.delete(viewer.internalUserID)
    else target.insertAttendee(meeting, addAttendeeInputSchema.parse({ fullName: personName(random), role: "VIEWER" }))
    target.touch(meeting)
  }
  return { meetingIDs: [...changed] }
}

/** See recordingsLoadInputSchema. Returns the record ids created, in creation order. */
export function generateRecordings(target: RecordingsLoadTarget, input: RecordingsLoadInput = {}): { created: number; recordIDs: string[] } {
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
    if (target.hasRecording(recordID)) continue
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
    const recording = target.addRecording({
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
