// Contract of the simulator's control API (JSON under /_sim/), shared by the server, the typed control
// client, the CLI and tests.
import { z } from "zod"

export const simRoleSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(["MODERATOR", "VIEWER"]))

export const addAttendeeInputSchema = z.object({
  fullName: z.string().min(1).max(256),
  role: simRoleSchema.default("VIEWER"),
  /** External user id (what `join&userID=` carries). Without it the attendee gets a BBB-like "w_..." id. */
  userID: z.string().min(1).max(256).optional(),
  isPresenter: z.boolean().optional(),
  clientType: z.string().min(1).max(32).default("HTML5"),
  isListeningOnly: z.boolean().default(false),
  hasJoinedVoice: z.boolean().default(false),
  hasVideo: z.boolean().default(false),
})
export type AddAttendeeInput = z.input<typeof addAttendeeInputSchema>

/** XML element names BBB can emit as metadata keys (it lowercases them). */
export const metadataKeySchema = z.string().regex(/^[a-zA-Z_][\w.-]*$/, "must be a valid XML element name")

export const createMeetingInputSchema = z.object({
  meetingID: z.string().min(1).max(256).optional(),
  name: z.string().min(1).max(256),
  record: z.boolean().default(false),
  /** Running meetings are what getMeetings' callers look for; BBB's own `create` starts not running. */
  running: z.boolean().default(true),
  metadata: z.record(metadataKeySchema, z.string()).default({}),
  attendees: z.array(addAttendeeInputSchema).default([]),
  /** Makes this meeting a breakout room of that (external) meetingID. */
  parentMeetingID: z.string().min(1).optional(),
  sequence: z.number().int().min(1).optional(),
  freeJoin: z.boolean().optional(),
  maxUsers: z.number().int().min(0).default(0),
  attendeePW: z.string().min(1).optional(),
  moderatorPW: z.string().min(1).optional(),
  /** Epoch ms; defaults to now. */
  createTime: z.number().int().positive().optional(),
})
export type CreateMeetingInput = z.input<typeof createMeetingInputSchema>

export const playbackFormatInputSchema = z.object({
  type: z.string().min(1),
  url: z.string().min(1).optional(),
  length: z.number().int().min(0).optional(),
  processingTime: z.number().int().min(0).optional(),
})

export const addRecordingInputSchema = z.object({
  recordID: z.string().min(1).optional(),
  meetingID: z.string().min(1),
  /**
   * The recorded session's internal id (BBB's `<internalMeetingID>`), for a session no longer running
   * (the demo's past sessions). Default: the running meeting's, else the record id.
   */
  internalMeetingID: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  state: z.enum(["processing", "processed", "published", "unpublished", "deleted"]).default("published"),
  startTime: z.number().int().positive().optional(),
  endTime: z.number().int().positive().optional(),
  participants: z.number().int().min(0).default(1),
  metadata: z.record(metadataKeySchema, z.string()).default({}),
  formats: z.array(z.union([z.string().min(1), playbackFormatInputSchema])).default(["presentation"]),
  isBreakout: z.boolean().default(false),
  /** Internal id of the parent meeting of a breakout room's recording (`<breakout><parentId>`). */
  parentMeetingID: z.string().min(1).optional(),
})
export type AddRecordingInput = z.input<typeof addRecordingInputSchema>

export const loadInputSchema = z.object({
  meetings: z.number().int().min(1).max(20_000).default(1_000),
  attendeesPerMeeting: z.number().int().min(0).max(1_000).default(50),
  moderatorsPerMeeting: z.number().int().min(0).max(1_000).default(2),
  /** Prefix of generated meetingIDs (`<prefix>-0001`...). */
  prefix: z.string().min(1).max(64).default("load"),
  record: z.boolean().default(false),
  /** Same seed, same names: benches are reproducible. */
  seed: z.number().int().default(1),
})
export type LoadInput = z.input<typeof loadInputSchema>

/**
 * A few hundred old recordings as a university's BBB keeps them: presentation-only and video+presentation
 * playbacks, Moodle and Pod metadata (several Moodle servers), breakout children, unicode names and names
 * with ";" and quotes. Same seed, same recordings.
 */
export const recordingsLoadInputSchema = z.object({
  count: z.number().int().min(1).max(20_000).default(300),
  seed: z.number().int().default(1),
  /** Prefix of generated meetingIDs (`<prefix>-0001`...). */
  prefix: z.string().min(1).max(64).default("rec"),
})
export type RecordingsLoadInput = z.input<typeof recordingsLoadInputSchema>

export const churnInputSchema = z.object({
  /** How many running meetings get one attendee added or removed. */
  meetings: z.number().int().min(1).max(20_000).default(10),
  seed: z.number().int().optional(),
})
export type ChurnInput = z.input<typeof churnInputSchema>

export const simFaultSchema = z.discriminatedUnion("type", [
  /** Answer normally after `ms`. */
  z.object({ type: z.literal("delay"), ms: z.number().int().min(0).max(600_000) }),
  /** Never answer (the client's timeout must fire). */
  z.object({ type: z.literal("hang") }),
  /** Cut the connection without an answer (client sees a network error). */
  z.object({ type: z.literal("reset") }),
  /** An HTTP error status with a plain/HTML body, like a proxy in front of BBB. */
  z.object({ type: z.literal("http-error"), status: z.number().int().min(300).max(599).default(500), body: z.string().optional() }),
  /** returncode FAILED with this messageKey. */
  z.object({ type: z.literal("failed"), messageKey: z.string().min(1), message: z.string().optional() }),
  /** A broken body with HTTP 200: cut in the middle, a closing tag missing, an HTML page, or nothing. */
  z.object({ type: z.literal("malformed"), variant: z.enum(["truncated", "unbalanced", "not-xml", "empty"]).default("truncated") }),
])
export type SimFault = z.infer<typeof simFaultSchema>

export const addFaultInputSchema = z.object({
  /** API call name (getMeetings, getMeetingInfo, create, join, end, getRecordings, isMeetingRunning, version) or "*". */
  call: z.string().min(1).default("*"),
  fault: simFaultSchema,
  /** Applies to the next N matching calls; absent = until cleared. */
  times: z.number().int().min(1).optional(),
  /** Lets this many matching calls through first (a server failing mid-way: page 3, the 10th download). */
  after: z.number().int().min(0).default(0),
})
export type AddFaultInput = z.input<typeof addFaultInputSchema>

export type SimFaultRule = { id: string; call: string; fault: SimFault; remaining: number | null; skip: number }

export type SimAttendeeView = {
  userID: string
  internalUserID: string
  fullName: string
  role: "MODERATOR" | "VIEWER"
  isPresenter: boolean
  clientType: string
}

export type SimMeetingView = {
  meetingID: string
  internalMeetingID: string
  meetingName: string
  createTime: number
  running: boolean
  record: boolean
  isBreakout: boolean
  parentMeetingID: string | null
  breakoutRooms: string[]
  metadata: Record<string, string>
  participantCount: number
  moderatorCount: number
}

export type SimMeetingDetail = SimMeetingView & { attendees: SimAttendeeView[] }

export type SimRecordingView = {
  recordID: string
  meetingID: string
  internalMeetingID: string
  name: string
  state: string
  published: boolean
  startTime: number
  endTime: number
  formats: string[]
}

export type SimStateView = {
  meetings: SimMeetingView[]
  recordingCount: number
  faults: SimFaultRule[]
  calls: Record<string, number>
}

/** POST /_sim/meetings/<id>/chat: a participant writes in the room's public chat. */
export const roomChatInputSchema = z.object({ userName: z.string().min(1).max(255), message: z.string().min(1).max(5_000) })
export type RoomChatInput = z.infer<typeof roomChatInputSchema>
