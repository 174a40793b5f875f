// One session as the admins see it: its details and its attendees (the lives come from lib/lives).
import { db } from "@/lib/db"
import type { Prisma } from "@/lib/generated/prisma/client"

import { ADMIN_MEETING_SELECT } from "./list-admin-meetings"

const ATTENDEE_SELECT = {
  id: true,
  fullName: true,
  role: true,
  matchStatus: true,
  leftAt: true,
  lastSeenAt: true,
  user: { select: { id: true, username: true, firstName: true, lastName: true } },
} satisfies Prisma.AttendeeSelect

export type AdminMeeting = Prisma.MeetingGetPayload<{ select: typeof ADMIN_MEETING_SELECT & { parentMeetingId: true } }> & {
  attendees: Prisma.AttendeeGetPayload<{ select: typeof ATTENDEE_SELECT }>[]
}

export async function getAdminMeeting(meetingId: number): Promise<AdminMeeting | null> {
  return db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      ...ADMIN_MEETING_SELECT,
      parentMeetingId: true,
      // Moderators first, then by name.
      attendees: { orderBy: [{ role: "asc" }, { fullName: "asc" }], select: ATTENDEE_SELECT },
    },
  })
}
