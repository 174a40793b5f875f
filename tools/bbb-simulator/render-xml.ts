// The simulator's records printed as BBB's API answers (getMeetings, getMeetingInfo, create, getRecordings),
// in BBB's template order. Each meeting's and recording's fragment is cached on the record (`xml`) until the
// state changes it (state.ts sets it back to null).
import { type RecordingsPagination, type RecordingsQuery, type SimMeeting, type SimRecording } from "./model"
import { element, javaDate, metadataXml, xmlResponse } from "./xml"

/** The whole getMeetings answer. */
export function meetingsXml(meetings: Iterable<SimMeeting>, count: number): string {
  if (count === 0) {
    return xmlResponse(`<meetings/>${element("messageKey", "noMeetings")}${element("message", "no meetings were found on this server")}`)
  }
  const parts: string[] = ["<response><returncode>SUCCESS</returncode><meetings>"]
  for (const meeting of meetings) parts.push("<meeting>", meetingXml(meeting), "</meeting>")
  parts.push("</meetings></response>")
  return parts.join("")
}

export function meetingInfoXml(meeting: SimMeeting): string {
  return xmlResponse(meetingXml(meeting))
}

export function createAnswerXml(meeting: SimMeeting, duplicate: boolean): string {
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

/** getRecordings: the recordings matching `query`, paginated as `pagination` says. */
export function recordingsXml(recordings: Iterable<SimRecording>, query: RecordingsQuery, pagination: RecordingsPagination): string {
  const matching = [...recordings].filter((recording) => recordingMatches(recording, query))
  const paginate = pagination !== "ignore" && query.limit !== null
  const offset = paginate ? (query.offset ?? 0) : 0
  const page = paginate ? matching.slice(offset, offset + (query.limit as number)) : matching
  let inner = `<recordings>${page.map((recording) => `<recording>${recordingXml(recording)}</recording>`).join("")}</recordings>`
  if (paginate && pagination === "total-elements") inner += element("totalElements", matching.length)
  if (paginate && pagination === "pagination-element") {
    inner +=
      `<pagination><pageable>${element("offset", offset)}${element("limit", query.limit as number)}</pageable>` +
      `${element("totalElements", matching.length)}${element("empty", page.length === 0)}</pagination>`
  }
  if (page.length === 0) inner += element("messageKey", "noRecordings") + element("message", "There are no recordings for the meeting(s).")
  return xmlResponse(inner)
}

/** Children of <meeting> (getMeetings) or of <response> (getMeetingInfo), in BBB's template order. */
function meetingXml(meeting: SimMeeting): string {
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
      ? element("parentMeetingID", meeting.parentInternalID as string) + element("sequence", meeting.sequence ?? 1) + element("freeJoin", meeting.freeJoin)
      : "") +
    (meeting.breakoutRooms.length ? `<breakoutRooms>${meeting.breakoutRooms.map((id) => element("breakout", id)).join("")}</breakoutRooms>` : "")
  return meeting.xml
}

function recordingXml(recording: SimRecording): string {
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
