// zod schemas of the BBB client: its options, the inputs of its calls, and the typed objects read from BBB's XML.
// XML values arrive as strings from fast-xml-parser (parseTagValue: false); the schemas below trim them,
// coerce booleans and numbers, normalise lists and metadata, and reject anything else as a schema mismatch.
import { z } from "zod"

// ---------------------------------------------------------------------------------------------------------
// Client options and call inputs
// ---------------------------------------------------------------------------------------------------------

/** sha1 is BBB's default; 2.5+ also accepts sha256/384/512 (Scalelite has no sha384). */
export const checksumAlgorithmSchema = z.enum(["sha1", "sha256", "sha384", "sha512"])
export type ChecksumAlgorithm = z.infer<typeof checksumAlgorithmSchema>

export const bbbClientOptionsSchema = z.object({
  /** Server root (`https://bbb.example.org/`) or API URL; `bigbluebutton/api/` is appended when missing. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(1),
  checksumAlgorithm: checksumAlgorithmSchema.default("sha1"),
  /** Whole-call budget (connect, headers and body). */
  timeoutMs: z.number().int().positive().default(10_000),
})
export type BbbClientOptionsInput = z.input<typeof bbbClientOptionsSchema>
export type BbbClientOptions = z.output<typeof bbbClientOptionsSchema>

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

export const getRecordingsFilterSchema = z.object({
  /** One id or several (sent comma-separated). Ignored by BBB when recordID is given. */
  meetingID: oneOrMany.optional(),
  /** Full record ids or prefixes, one or several. */
  recordID: oneOrMany.optional(),
  /** processing | processed | published | unpublished | deleted | any; BBB defaults to published+unpublished. */
  state: oneOrMany.optional(),
  /** Metadata filters, sent as `meta_<key>=<value>` (BBB accepts `%` wildcards at either end). */
  meta: z.record(z.string().min(1), z.string()).optional(),
})
export type GetRecordingsFilter = z.input<typeof getRecordingsFilterSchema>

export const getRecordingsPageInputSchema = getRecordingsFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  /** BBB 2.6+ accepts 1..100. */
  limit: z.number().int().min(1).max(100).default(100),
})
export type GetRecordingsPageInput = z.input<typeof getRecordingsPageInputSchema>

export const bbbRoleSchema = z.enum(["MODERATOR", "VIEWER"])
export type BbbRole = z.infer<typeof bbbRoleSchema>

export const joinUrlInputSchema = z.object({
  meetingID: z.string().min(1),
  fullName: z.string().min(1),
  /** BBB 2.4+: role instead of a password. */
  role: bbbRoleSchema.optional(),
  /** Older servers (or meetings created with passwords) need the attendee/moderator password instead. */
  password: z.string().min(1).optional(),
  /** Our id for the user; BBB echoes it back as the attendee `userID` of getMeetings/getMeetingInfo. */
  userID: z.string().min(1).optional(),
  createTime: z.number().int().optional(),
  redirect: z.boolean().optional(),
  /** Anything else BBB's join accepts (`userdata-bbb_*`, `guest`, `avatarURL`...); cannot override the fields above. */
  extra: z.record(z.string(), z.string()).optional(),
})
export type JoinUrlInput = z.input<typeof joinUrlInputSchema>

export const endMeetingInputSchema = z.object({
  meetingID: z.string().min(1),
  /** Moderator password; required by servers older than BBB 2.4, ignored by newer ones. */
  password: z.string().min(1).optional(),
})
export type EndMeetingInput = z.input<typeof endMeetingInputSchema>

/** BBB 3.0's sendChatMessage: a message (1–500 characters) posted to the meeting's public chat under userName. */
export const sendChatMessageInputSchema = z.object({
  meetingID: z.string().min(1),
  message: z.string().min(1).max(500),
  userName: z.string().min(1).max(255).optional(),
})
export type SendChatMessageInput = z.input<typeof sendChatMessageInputSchema>

// ---------------------------------------------------------------------------------------------------------
// XML value schemas
// ---------------------------------------------------------------------------------------------------------

/** Prefix the parser gives element names that would be unsafe object keys (`__proto__`, `constructor`...). */
export const ESCAPED_KEY_PREFIX = "\u0000"

function unescapeKey(key: string): string {
  return key.startsWith(ESCAPED_KEY_PREFIX) ? key.slice(ESCAPED_KEY_PREFIX.length) : key
}

/** Text content, trimmed (BBB pads some values with newlines; CDATA text is kept as-is apart from trimming). */
const xmlText = z.string().transform((value) => value.trim())
/** Non-empty text (ids). */
const xmlId = z.string().trim().min(1)
/** Optional text; empty means absent. */
const xmlOptionalText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim()
    return trimmed ? trimmed : null
  })

function parseXmlBoolean(value: string, ctx: z.RefinementCtx): boolean {
  const normalized = value.trim().toLowerCase()
  if (normalized === "true") return true
  if (normalized !== "false") ctx.addIssue({ code: "custom", message: 'expected "true" or "false"' })
  return false
}

// FreeMarker prints numbers without `?c` in the locale's format, so counts above 999 may carry grouping
// separators ("1,234", "1.234", "1 234"). Integers only: any separator between groups of three is dropped.
const GROUPED_INTEGER = /^-?\d{1,3}(?:[,.\u00a0\u202f' ]\d{3})+$/

function parseXmlInteger(value: string, ctx: z.RefinementCtx): number {
  let text = value.trim()
  if (GROUPED_INTEGER.test(text)) text = text.replace(/[^\d-]/g, "")
  if (!/^-?\d+$/.test(text)) ctx.addIssue({ code: "custom", message: "expected an integer" })
  return Number(text)
}

// Single transforms rather than preprocess/pipe chains: these run ~20 times per attendee on big answers.
const xmlBoolean = z.string().transform(parseXmlBoolean)
/** Absent or empty → undefined. */
const xmlOptionalBoolean = z
  .string()
  .optional()
  .transform((value, ctx) => (value === undefined || value.trim() === "" ? undefined : parseXmlBoolean(value, ctx)))
const xmlInteger = z.string().transform(parseXmlInteger)
const xmlOptionalInteger = z
  .string()
  .optional()
  .transform((value, ctx) => (value === undefined || value.trim() === "" ? undefined : parseXmlInteger(value, ctx)))

/**
 * A list container such as `<attendees>`: absent, self-closing or whitespace-only means empty; one child or
 * several become an array (the parser's `isArray` already makes arrays; this also accepts a lone object).
 */
function xmlList<T extends z.ZodType>(itemName: string, item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null) return []
    if (typeof value === "string") return value.trim() === "" ? [] : value
    if (typeof value !== "object" || Array.isArray(value)) return value
    const record = value as Record<string, unknown>
    const items = record[itemName]
    if (items === undefined) return Object.keys(record).length === 0 ? [] : value
    // `<attendee/>` or `<breakout></breakout>`: an empty entry carries nothing
    return (Array.isArray(items) ? items : [items]).filter((entry) => entry !== "")
  }, z.array(item))
}

/**
 * `<metadata>` / `<customdata>`: each child element is one key (BBB lowercases metadata keys) with a text
 * value. Built with Object.fromEntries so that a key such as `__proto__` stays a plain own property.
 */
const xmlStringRecord = z.unknown().optional().transform((value, ctx): Record<string, string> => {
  if (value === undefined || value === null) return {}
  if (typeof value === "string" && value.trim() === "") return {}
  if (typeof value !== "object" || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: "expected child elements" })
    return z.NEVER
  }
  const entries: [string, string][] = []
  for (const [key, child] of Object.entries(value)) {
    if (typeof child !== "string") {
      ctx.addIssue({ code: "custom", path: [unescapeKey(key)], message: "expected text (nested or repeated element)" })
      return z.NEVER
    }
    entries.push([unescapeKey(key), child.trim()])
  }
  return Object.fromEntries(entries)
})

/** "2011-09-22 18:47:55 UTC": old BBB servers' getRecordings (bigbluebutton-api-ruby's fixtures), Ruby's Time#to_s. */
const SPACED_DATE = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})$/
const JAVA_DATE = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})\s+(\d{4})$/
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
/**
 * Zone abbreviations Java's Date.toString prints, limited to unambiguous ones (CST is US Central or China,
 * IST India, Ireland or Israel): an unknown zone gives null rather than a date hours off.
 */
const ZONE_OFFSETS_MINUTES: Record<string, number> = {
  UTC: 0, GMT: 0, UT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180,
  MSK: 180, EST: -300, EDT: -240, MST: -420, MDT: -360, PST: -480, PDT: -420, BRT: -180, JST: 540, KST: 540,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
}

/**
 * Epoch milliseconds from every timestamp shape BBB has emitted: digits (epoch ms, every current
 * version), the Java `Date.toString()` strings of legacy recordings ("Thu Mar 04 14:05:56 UTC 2010"),
 * `yyyy-MM-dd HH:mm:ss z` ("2011-09-22 18:47:55 UTC", older servers), or ISO 8601 with a zone. Null when
 * absent, without a zone or in an unknown form (the raw text is kept beside it).
 */
export function parseBbbTimestamp(raw: string | null | undefined): number | null {
  const value = raw?.trim()
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value)
  const java = JAVA_DATE.exec(value)
  if (java) {
    const [, monthName, day, hours, minutes, seconds, zone, year] = java as unknown as [string, string, string, string, string, string, string, string]
    const month = MONTHS.indexOf(monthName.toLowerCase())
    const offset = zoneOffsetMinutes(zone)
    if (month < 0 || offset === null) return null
    return Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds)) - offset * 60_000
  }
  const spaced = SPACED_DATE.exec(value)
  if (spaced) {
    const [, year, month, day, hours, minutes, seconds, zone] = spaced as unknown as [string, string, string, string, string, string, string, string]
    const offset = zoneOffsetMinutes(zone)
    if (offset === null || Number(month) < 1 || Number(month) > 12) return null
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)) - offset * 60_000
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const parsed = Date.parse(value)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

function zoneOffsetMinutes(zone: string): number | null {
  const named = ZONE_OFFSETS_MINUTES[zone.toUpperCase()]
  if (named !== undefined) return named
  const numeric = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (!numeric) return null
  const [, sign, hours, minutes] = numeric as unknown as [string, string, string, string]
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes))
}

/** BBB's placeholder for "no parent" in create answers and some versions' meeting info. */
const NO_PARENT = "bbb-none"

/** BBB's own user ids: "w_" + 12 lowercase alphanumerics for web users, "v_" for dial-in users. */
const BBB_INTERNAL_USER_ID = /^[wv]_[a-z0-9]{12}$/

// ---------------------------------------------------------------------------------------------------------
// Meetings (getMeetings, getMeetingInfo)
// ---------------------------------------------------------------------------------------------------------

export const bbbAttendeeSchema = z
  .object({
    /**
     * BBB names it userID but fills it with the *external* user id: the `userID` parameter given to `join`
     * (an LMS or our app passes its own user id there). When join had none, BBB puts its internal id
     * instead ("w_xxxxxxxxxxxx"; "v_..." for dial-in), which identifies nobody outside BBB.
     */
    userID: xmlText,
    fullName: xmlText,
    role: z.string().transform((value, ctx): BbbRole => {
      const role = value.trim().toUpperCase()
      if (role === "MODERATOR" || role === "VIEWER") return role
      ctx.addIssue({ code: "custom", message: "expected MODERATOR or VIEWER" })
      return z.NEVER
    }),
    isPresenter: xmlOptionalBoolean.transform((value) => value ?? false),
    isListeningOnly: xmlOptionalBoolean.transform((value) => value ?? false),
    hasJoinedVoice: xmlOptionalBoolean.transform((value) => value ?? false),
    hasVideo: xmlOptionalBoolean.transform((value) => value ?? false),
    /** HTML5 (web), FLASH (BBB < 2.3), or what dial-in users get; null when absent. */
    clientType: xmlOptionalText,
    /** `userdata-*` join parameters, when the server reports them. */
    customdata: xmlStringRecord,
  })
  .transform((attendee) => ({
    ...attendee,
    /**
     * The id given at join (our user id when our app or the LMS passed one), or null when `userID` is one
     * BBB generated itself. The name-matching fallback applies when this is null.
     */
    externalUserID: BBB_INTERNAL_USER_ID.test(attendee.userID) || attendee.userID === "" ? null : attendee.userID,
  }))
export type BbbAttendee = z.output<typeof bbbAttendeeSchema>

const breakoutInfoSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .object({
      parentMeetingID: xmlOptionalText,
      sequence: xmlOptionalInteger,
      freeJoin: xmlOptionalBoolean,
    })
    .optional(),
)

export const bbbMeetingSchema = z
  .object({
    meetingName: xmlText,
    meetingID: xmlId,
    internalMeetingID: xmlId,
    createTime: xmlInteger,
    createDate: xmlOptionalText,
    voiceBridge: xmlOptionalText,
    dialNumber: xmlOptionalText,
    /** Join passwords (needed by servers older than 2.4 and meetings created with them). Never log. */
    attendeePW: xmlOptionalText,
    moderatorPW: xmlOptionalText,
    running: xmlBoolean,
    duration: xmlOptionalInteger,
    hasUserJoined: xmlOptionalBoolean,
    recording: xmlOptionalBoolean,
    hasBeenForciblyEnded: xmlOptionalBoolean,
    startTime: xmlOptionalInteger,
    endTime: xmlOptionalInteger,
    participantCount: xmlOptionalInteger,
    listenerCount: xmlOptionalInteger,
    voiceParticipantCount: xmlOptionalInteger,
    videoCount: xmlOptionalInteger,
    maxUsers: xmlOptionalInteger,
    moderatorCount: xmlOptionalInteger,
    attendees: xmlList("attendee", bbbAttendeeSchema),
    metadata: xmlStringRecord,
    isBreakout: xmlOptionalBoolean,
    parentMeetingID: xmlOptionalText,
    sequence: xmlOptionalInteger,
    freeJoin: xmlOptionalBoolean,
    /** getMeetingInfo of some versions nests the parent link: `<breakout><parentMeetingID>...` */
    breakout: breakoutInfoSchema,
    /** Ids (internal meeting ids) of the breakout rooms this meeting spawned. */
    breakoutRooms: xmlList("breakout", xmlId),
  })
  .transform((raw) => {
    const parentMeetingID = raw.parentMeetingID ?? raw.breakout?.parentMeetingID ?? null
    return {
      meetingName: raw.meetingName,
      meetingID: raw.meetingID,
      internalMeetingID: raw.internalMeetingID,
      /** Epoch milliseconds. */
      createTime: raw.createTime,
      /** BBB's printable date ("Tue Jul 10 16:47:38 UTC 2018"), as sent. */
      createDate: raw.createDate,
      voiceBridge: raw.voiceBridge,
      dialNumber: raw.dialNumber,
      attendeePW: raw.attendeePW,
      moderatorPW: raw.moderatorPW,
      running: raw.running,
      duration: raw.duration ?? 0,
      hasUserJoined: raw.hasUserJoined ?? false,
      recording: raw.recording ?? false,
      hasBeenForciblyEnded: raw.hasBeenForciblyEnded ?? false,
      /** Epoch milliseconds; 0 when not started / not ended. */
      startTime: raw.startTime ?? 0,
      endTime: raw.endTime ?? 0,
      participantCount: raw.participantCount ?? raw.attendees.length,
      listenerCount: raw.listenerCount ?? 0,
      voiceParticipantCount: raw.voiceParticipantCount ?? 0,
      videoCount: raw.videoCount ?? 0,
      /** Null when the server does not say (0 means "no limit"). */
      maxUsers: raw.maxUsers ?? null,
      moderatorCount: raw.moderatorCount ?? raw.attendees.filter((attendee) => attendee.role === "MODERATOR").length,
      /** Empty when the server lists nobody, or is too old to list attendees in getMeetings. */
      attendees: raw.attendees,
      metadata: raw.metadata,
      isBreakout: raw.isBreakout ?? (parentMeetingID !== null && parentMeetingID !== NO_PARENT),
      /** Internal meeting id of the parent, for a breakout room; null otherwise. */
      parentMeetingID: parentMeetingID === NO_PARENT ? null : parentMeetingID,
      sequence: raw.sequence ?? raw.breakout?.sequence ?? null,
      freeJoin: raw.freeJoin ?? raw.breakout?.freeJoin ?? null,
      breakoutRooms: raw.breakoutRooms,
    }
  })
export type BbbMeeting = z.output<typeof bbbMeetingSchema>

// ---------------------------------------------------------------------------------------------------------
// Recordings (getRecordings)
// ---------------------------------------------------------------------------------------------------------

export const bbbPlaybackFormatSchema = z
  .object({
    /** presentation, video, podcast, screenshare, notes, ... */
    type: xmlId,
    url: xmlText,
    /** Milliseconds spent processing, when given. */
    processingTime: xmlOptionalInteger,
    /** Minutes, as BBB reports it. */
    length: xmlOptionalInteger,
    preview: z.preprocess(
      (value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? {} : value),
      z.object({ images: xmlList("image", xmlText) }),
    ),
  })
  .transform((format) => ({
    type: format.type,
    url: format.url,
    processingTime: format.processingTime ?? null,
    length: format.length ?? null,
    previewImages: format.preview.images,
  }))
export type BbbPlaybackFormat = z.output<typeof bbbPlaybackFormatSchema>

export const bbbRecordingSchema = z
  .object({
    recordID: xmlId,
    meetingID: xmlText,
    internalMeetingID: xmlOptionalText,
    name: xmlOptionalText,
    isBreakout: xmlOptionalBoolean,
    published: xmlOptionalBoolean,
    state: xmlOptionalText,
    startTime: xmlOptionalText,
    endTime: xmlOptionalText,
    participants: xmlOptionalInteger,
    rawSize: xmlOptionalInteger,
    size: xmlOptionalInteger,
    metadata: xmlStringRecord,
    playback: xmlList("format", bbbPlaybackFormatSchema),
    /** BBB: `<breakout><parentId>`; Scalelite: `<parent_meeting_id>`. */
    breakout: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.object({ parentId: xmlOptionalText, sequence: xmlOptionalInteger, freeJoin: xmlOptionalBoolean }).optional(),
    ),
    parent_meeting_id: xmlOptionalText,
    breakoutRooms: xmlList("breakoutRoom", xmlId),
  })
  .transform((raw) => {
    const parentMeetingID = raw.breakout?.parentId ?? raw.parent_meeting_id ?? null
    const state = raw.state ?? (raw.published === undefined ? null : raw.published ? "published" : "unpublished")
    return {
      recordID: raw.recordID,
      meetingID: raw.meetingID,
      /** The recorded meeting's internal id (BBB uses it as the record id). */
      internalMeetingID: raw.internalMeetingID ?? raw.recordID,
      /** Meeting name; falls back to the `meetingName` metadata of servers that omit it. */
      name: raw.name ?? raw.metadata.meetingName ?? raw.metadata.meetingname ?? "",
      isBreakout: raw.isBreakout ?? (parentMeetingID !== null && parentMeetingID !== NO_PARENT),
      parentMeetingID: parentMeetingID === NO_PARENT ? null : parentMeetingID,
      published: raw.published ?? state === "published",
      state,
      /** Epoch milliseconds, or null when absent or in an unknown date format (see startTimeRaw). */
      startTime: parseBbbTimestamp(raw.startTime),
      endTime: parseBbbTimestamp(raw.endTime),
      startTimeRaw: raw.startTime,
      endTimeRaw: raw.endTime,
      participants: raw.participants ?? null,
      /** Bytes, when the server reports them (BBB 2.6+). */
      size: raw.size ?? raw.rawSize ?? null,
      metadata: raw.metadata,
      playback: raw.playback,
      breakoutRooms: raw.breakoutRooms,
    }
  })
export type BbbRecording = z.output<typeof bbbRecordingSchema>

// ---------------------------------------------------------------------------------------------------------
// Results of the lower-level calls
// ---------------------------------------------------------------------------------------------------------

/** One `<meeting>` element of a getMeetings answer, cut out of the body without parsing it. */
export type MeetingChunk = {
  internalMeetingID: string
  /** The element's exact bytes, `<meeting>` to `</meeting>`. */
  xml: string
  /** sha256 (hex) of `xml`: equal hashes mean an unchanged meeting, so the sync may skip re-parsing it. */
  hash: string
}

/** A `<meeting>` the caller said it already has (same hash): its bytes were hashed, never decoded. */
export type SkippedMeetingChunk = { internalMeetingID: string; hash: string; xml: null }

export type ScannedMeetingChunk = MeetingChunk | SkippedMeetingChunk

export type GetMeetingChunksOptions = {
  /**
   * Called with each meeting's internalMeetingID and hash as soon as its closing tag is read; true
   * means "unchanged, skip it": it is returned with `xml: null`, without its text ever being decoded.
   */
  isUnchanged?: (internalMeetingID: string, hash: string) => boolean
}

export type BbbRecordingsPage = {
  recordings: BbbRecording[]
  /** Record ids the server lists as unreadable (`<recording><error>`), so that none is lost silently. */
  unreadableRecordIDs: string[]
  /** Items in this answer (readable or not), used to follow pagination. */
  itemCount: number
  /** Total across pages when the server says (BBB 2.6+ pagination); null otherwise. */
  total: number | null
}

export type BbbRecordingList = {
  recordings: BbbRecording[]
  unreadableRecordIDs: string[]
}

export type BbbVersion = {
  version: string | null
  apiVersion: string | null
  bbbVersion: string | null
}
