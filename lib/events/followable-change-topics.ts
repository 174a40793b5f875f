// Who may follow which change topics (GET /api/events): a signed-in user any of them, an anonymous
// visitor the "lives" topic only (the public Directs list). A topic carries no data, and what the page
// re-reads is still filtered by its own access rules.
import { CHANGE_TOPICS, type ChangeTopic } from "./change-feed"

const ANONYMOUS_TOPICS: readonly ChangeTopic[] = ["lives"]

/**
 * The topics to stream for the ones asked (null: all of them; unknown names are ignored), or null
 * when this viewer may not follow what it asked (an anonymous visitor asking anything but "lives").
 */
export function followableChangeTopics(viewer: { id: number } | null, asked: readonly string[] | null): ChangeTopic[] | null {
  if (!viewer && !(asked && asked.length > 0 && asked.every((t) => (ANONYMOUS_TOPICS as readonly string[]).includes(t)))) return null
  return CHANGE_TOPICS.filter((topic) => (asked ? asked.includes(topic) : true))
}
