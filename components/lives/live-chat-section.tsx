// The chat of a live page (issue 9). Contract with the live page: it renders
// <LiveChatSection live={viewableLive} viewer={currentUserOrNull} /> below the player when
// live.enableChat; this component reads the stored messages, shows the send box to signed-in
// viewers (a sign-in link to others) and listens for new messages with useLiveEvents(live.slug).
// Placeholder until the chat lands: renders nothing.
import type { CurrentUser } from "@/lib/auth/session"
import type { ViewableLive } from "@/lib/lives/find-viewable-live"

export async function LiveChatSection(props: { live: ViewableLive; viewer: CurrentUser | null }) {
  void props
  return null
}
