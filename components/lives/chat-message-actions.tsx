"use client"

// What can be done to one chat message on a live page: signed-in viewers upvote a question; its
// moderators hide it, mute or unmute its author, mark a question answered.
import { useTranslations } from "next-intl"

import { Button } from "@/components/ui/button"
import type { ChatMessageView, ChatModerationInput } from "@/lib/chat/schemas"

export function ChatMessageActions(props: {
  message: ChatMessageView
  canVote: boolean
  voted: boolean
  canModerate: boolean
  authorMuted: boolean
  vote: (messageId: number) => void
  act: (input: ChatModerationInput) => void
}) {
  const t = useTranslations("liveChat")
  const { message } = props
  const showVote = message.isQuestion && props.canVote
  if (!showVote && !props.canModerate) return null
  return (
    <div className="mt-1 flex flex-wrap gap-1.5">
      {showVote && (
        <Button size="sm" variant="secondary" disabled={props.voted} aria-pressed={props.voted} onClick={() => props.vote(message.id)} data-testid="chat-question-vote">
          {t("questions.vote", { count: message.votes ?? 0 })}
        </Button>
      )}
      {props.canModerate && (
        <>
          <Button size="sm" variant="ghost" onClick={() => props.act({ action: "hide", messageId: message.id })}>
            {t("moderation.hide")}
          </Button>
          {!message.fromRoom && (
            <Button size="sm" variant="ghost" onClick={() => props.act({ action: props.authorMuted ? "unmute" : "mute", messageId: message.id })}>
              {props.authorMuted ? t("moderation.unmute") : t("moderation.mute")}
            </Button>
          )}
          {message.isQuestion && !message.answered && (
            <Button size="sm" variant="ghost" onClick={() => props.act({ action: "answer", messageId: message.id })}>
              {t("questions.markAnswered")}
            </Button>
          )}
        </>
      )}
    </div>
  )
}
