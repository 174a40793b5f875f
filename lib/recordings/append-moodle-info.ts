// Puts SCRIPT_INFO at the end of a Moodle activity's intro, once: the UPDATE only applies when the intro
// does not contain it yet, so re-runs never add it twice. A read-only Moodle account is reported, not fatal.
import { isPermissionDenied, type MoodleDatabase } from "./moodle-database"

export type AppendInfoResult = "appended" | "already-there" | "no-write-access" | "would-append"

export async function appendMoodleInfo(moodle: MoodleDatabase, options: { activityId: number; info: string; dry: boolean }): Promise<AppendInfoResult> {
  const { activityId, info } = options
  if (options.dry) {
    const rows = await moodle.query<{ present: number | string | boolean }>(
      {
        postgresql: "SELECT strpos(COALESCE(intro, ''), $1::text) > 0 AS present FROM mdl_bigbluebuttonbn WHERE id = $2",
        mysql: "SELECT LOCATE(?, COALESCE(intro, '')) > 0 AS present FROM mdl_bigbluebuttonbn WHERE id = ?",
      },
      [info, activityId],
    )
    return rows.some((row) => row.present === true || Number(row.present) === 1) ? "already-there" : "would-append"
  }
  try {
    const changed = await moodle.execute(
      {
        postgresql: "UPDATE mdl_bigbluebuttonbn SET intro = COALESCE(intro, '') || $1::text WHERE id = $2 AND strpos(COALESCE(intro, ''), $1::text) = 0",
        mysql: "UPDATE mdl_bigbluebuttonbn SET intro = CONCAT(COALESCE(intro, ''), ?) WHERE id = ? AND LOCATE(?, COALESCE(intro, '')) = 0",
      },
      moodle.dialect === "postgresql" ? [info, activityId] : [info, activityId, info],
    )
    return changed > 0 ? "appended" : "already-there"
  } catch (error) {
    if (isPermissionDenied(error)) return "no-write-access"
    throw error
  }
}
