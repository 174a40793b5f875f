// Builds getMeetings answers the way BBB writes them, for sync tests that need exact control of
// the XML (the BBB simulator in tools/ serves the same shape over HTTP).
import { createMeetingsSplitter } from "@/lib/bbb/parse-meetings"
import type { MeetingsSource } from "@/lib/meetings/sync-meetings"

export type XmlAttendee = { userID: string; fullName: string; role: "MODERATOR" | "VIEWER" }
export type XmlMeeting = {
  internalMeetingID: string
  meetingID?: string
  name?: string
  running?: boolean
  createTime?: number
  attendees?: XmlAttendee[]
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

export function meetingXml(m: XmlMeeting): string {
  const attendees = m.attendees ?? []
  return `<meeting>
<meetingName>${esc(m.name ?? `Meeting ${m.internalMeetingID}`)}</meetingName>
<meetingID>${esc(m.meetingID ?? `ext-${m.internalMeetingID}`)}</meetingID>
<internalMeetingID>${esc(m.internalMeetingID)}</internalMeetingID>
<createTime>${m.createTime ?? 1_763_790_000_000}</createTime>
<createDate>Sat Nov 22 05:00:00 UTC 2025</createDate>
<voiceBridge>70000</voiceBridge><dialNumber>613-555-1234</dialNumber>
<running>${m.running ?? true}</running><duration>0</duration><hasUserJoined>true</hasUserJoined>
<recording>false</recording><hasBeenForciblyEnded>false</hasBeenForciblyEnded>
<startTime>${m.createTime ?? 1_763_790_000_000}</startTime><endTime>0</endTime>
<participantCount>${attendees.length}</participantCount><listenerCount>0</listenerCount>
<voiceParticipantCount>0</voiceParticipantCount><videoCount>0</videoCount><maxUsers>0</maxUsers>
<moderatorCount>${attendees.filter((a) => a.role === "MODERATOR").length}</moderatorCount>
<attendees>${attendees
    .map(
      (a) =>
        `<attendee><userID>${esc(a.userID)}</userID><fullName>${esc(a.fullName)}</fullName><role>${a.role}</role>` +
        `<isPresenter>false</isPresenter><isListeningOnly>false</isListeningOnly><hasJoinedVoice>false</hasJoinedVoice>` +
        `<hasVideo>false</hasVideo><clientType>HTML5</clientType></attendee>`,
    )
    .join("")}</attendees>
<metadata/>
<isBreakout>false</isBreakout>
</meeting>`
}

export function getMeetingsXml(meetings: XmlMeeting[]): string {
  if (meetings.length === 0) {
    return `<response><returncode>SUCCESS</returncode><meetings/><messageKey>noMeetings</messageKey><message>no meetings were found on this server</message></response>`
  }
  return `<response><returncode>SUCCESS</returncode><meetings>${meetings.map(meetingXml).join("")}</meetings></response>`
}

/** A MeetingsSource answering with the given meetings (through the real splitter of lib/bbb, skipping included). */
export function xmlSource(meetings: () => XmlMeeting[]): MeetingsSource {
  return {
    getMeetingChunks: async (options) => {
      const splitter = createMeetingsSplitter(options)
      splitter.push(Buffer.from(getMeetingsXml(meetings()), "utf8"))
      return splitter.end()
    },
  }
}
