// The chat of a live page (issue 9). Contract with the live page: it renders
// <LiveChatSection live={viewableLive} viewer={currentUserOrNull | "member"} /> below the player
// when live.enableChat; this component reads the stored messages, shows the send box to signed-in
// viewers (a sign-in link, with the way back, to others) and listens for new messages with
// useLiveEvents(live.slug) in its client panel. "member": a members' render, the same for every
// signed-in member (lib/security/shared-cache.ts): the send box, and the viewer's own messages'
// outcomes come with the event stream instead of the page.
import { getTranslations } from "next-intl/server"

import { loginUrl } from "@/app/_lib/guards"
import { TextLink } from "@/components/ui/link-button"
import { Card } from "@/components/ui/card"
import type { CurrentUser } from "@/lib/auth/session"
import { getLiveChatState } from "@/lib/chat/get-live-chat-state"
import { listChatMessages } from "@/lib/chat/list-chat-messages"
import { getEnv } from "@/lib/config/env"
import type { ViewableLive } from "@/lib/lives/find-viewable-live"

import { LiveChatPanel } from "./live-chat-panel"

export async function LiveChatSection({ live, viewer }: { live: ViewableLive; viewer: CurrentUser | "member" | null }) {
  if (!live.enableChat) return null
  const viewerId = viewer === null || viewer === "member" ? null : viewer.id
  const [messages, state, t] = await Promise.all([listChatMessages({ liveId: live.liveId, viewerId }), getLiveChatState(live.liveId), getTranslations("liveChat")])
  return (
    <Card as="section" labelledBy="live-chat-title" className="space-y-3" testId="live-chat">
      <div>
        <h2 id="live-chat-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <LiveChatPanel slug={live.slug} initialMessages={messages} maxLength={getEnv().CHAT_MAX_LENGTH} canSend={viewer !== null} initialStatus={live.status} initialState={state} />
      {!viewer && (
        <p className="text-sm">
          {t("signInPrompt")} <TextLink href={loginUrl(`/lives/${live.slug}`)}>{t("signIn")}</TextLink>
        </p>
      )}
    </Card>
  )
}
