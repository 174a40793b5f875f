"use client"

// The chat panel of a live page: the messages (stored ones, then new ones as the live's event stream
// brings them), and for signed-in viewers a one-line box that shows the characters left. Each of the
// sender's messages shows what became of it: delivered to BBB, or why it was not relayed.
// Issue 24: messages from the BBB room are marked as such; questions (sent with the box's checkbox)
// have votes and a « Questions » view sorted by votes; the live's moderators (asked once loaded:
// a members' page is the same for everyone) get the moderation bar and each message's actions.
import { useFormatter, useTranslations } from "next-intl"
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react"

import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { Field, inputClasses } from "@/components/ui/field"
import { normalizeChatText } from "@/lib/chat/normalize-chat-text"
import type { ChatMessageView, ChatModerationInput, ChatModerationView, ChatRelayStatus, SendChatMessageResult } from "@/lib/chat/schemas"
import type { AppErrorCode } from "@/lib/errors"
import type { LiveChatState, LiveEvent } from "@/lib/events/live-feed"

import { chatCall, chatUrl } from "./chat-api"
import { ChatMessageActions } from "./chat-message-actions"
import { ChatModerationBar } from "./chat-moderation-bar"
import { useLiveEvents } from "./use-live-events"

type LiveStatus = Extract<LiveEvent, { type: "status" }>["status"]

/** Messages kept on screen; older ones scroll away (the stored history stays in the database). */
const MAX_SHOWN = 200

const OUTCOME_TONE: Record<ChatRelayStatus, BadgeTone> = {
  PENDING: "neutral",
  DELIVERED: "success",
  NO_LISTENER: "warning",
  REFUSED: "danger",
  RELAY_DOWN: "danger",
}

/** Adds or updates messages by id, keeping the order of sending and an outcome already known. */
function merge(list: ChatMessageView[], incoming: ChatMessageView): ChatMessageView[] {
  const index = list.findIndex((m) => m.id === incoming.id)
  if (index >= 0) {
    const next = [...list]
    next[index] = { ...list[index], ...incoming, outcome: incoming.outcome ?? list[index]!.outcome }
    return next
  }
  return [...list, incoming].sort((a, b) => a.id - b.id).slice(-MAX_SHOWN)
}

/** The viewer's own messages' outcomes, as its event stream tells them when it opens. */
function withOutcomes(list: ChatMessageView[], outcomes: { id: number; outcome: ChatRelayStatus }[]): ChatMessageView[] {
  const byId = new Map(outcomes.map((o) => [o.id, o.outcome]))
  return list.map((m) => (byId.has(m.id) ? { ...m, outcome: byId.get(m.id) } : m))
}

/** The questions, most voted first (then oldest first). */
function byVotes(list: ChatMessageView[]): ChatMessageView[] {
  return list.filter((m) => m.isQuestion).sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id - b.id)
}

export function LiveChatPanel(props: {
  slug: string
  initialMessages: ChatMessageView[]
  maxLength: number
  canSend: boolean
  initialStatus: LiveStatus
  initialState: LiveChatState
}) {
  const t = useTranslations("liveChat")
  const tErrors = useTranslations("errors")
  const format = useFormatter()
  const [messages, setMessages] = useState(props.initialMessages)
  const [status, setStatus] = useState(props.initialStatus)
  const [text, setText] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [asQuestion, setAsQuestion] = useState(false)
  const [view, setView] = useState<"all" | "questions">("all")
  const [chatState, setChatState] = useState(props.initialState)
  const [moderation, setModeration] = useState<ChatModerationView | null>(null)
  const [voted, setVoted] = useState<Set<number>>(() => new Set())
  const [actionError, setActionError] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const logRef = useRef<HTMLDivElement>(null)
  const lastId = messages.at(-1)?.id

  const scrolledOnce = useRef(false)

  // The list opens on its latest message; a new one scrolls to it, unless the reader scrolled up.
  useEffect(() => {
    const log = logRef.current
    if (!log) return
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 120
    if (nearBottom || !scrolledOnce.current) log.scrollTop = log.scrollHeight
    scrolledOnce.current = true
  }, [lastId])

  const refreshModeration = async () => {
    const result = await chatCall<ChatModerationView>(chatUrl(props.slug, "/moderation"))
    if (result.ok) {
      setModeration(result.data)
      setChatState(result.data.state)
    }
  }
  useEffect(() => {
    if (props.canSend) void refreshModeration()
  }, [props.slug, props.canSend])

  useLiveEvents(props.slug, (event: LiveEvent) => {
    if (event.type === "chat") {
      if (event.message.fromRoom && !chatState.showRoomChat) return
      setMessages((list) => merge(list, event.message))
    } else if (event.type === "outcomes") setMessages((list) => withOutcomes(list, event.outcomes))
    else if (event.type === "status") setStatus(event.status)
    else if (event.type === "hidden") {
      setMessages((list) => list.filter((m) => m.id !== event.id))
      if (moderation?.canModerate) void refreshModeration()
    } else if (event.type === "chatState") {
      setChatState(event.state)
      if (!event.state.showRoomChat) setMessages((list) => list.filter((m) => !m.fromRoom))
    } else if (event.type === "question") setMessages((list) => list.map((m) => (m.id === event.id ? { ...m, votes: event.votes, answered: event.answered } : m)))
  })

  async function act(input: ChatModerationInput) {
    setActionError(null)
    const result = await chatCall<{ changed: boolean }>(chatUrl(props.slug, "/moderation"), { method: "POST", body: input })
    if (!result.ok) setActionError(result.code === "NETWORK" ? t("networkError") : tErrors(result.code))
    await refreshModeration()
  }

  async function vote(messageId: number) {
    setVoted((set) => new Set(set).add(messageId))
    const result = await chatCall<{ votes: number }>(chatUrl(props.slug, "/votes"), { method: "POST", body: { messageId } })
    if (result.ok) setMessages((list) => list.map((m) => (m.id === messageId ? { ...m, votes: Math.max(m.votes ?? 0, result.data.votes) } : m)))
  }

  const running = status === "RUNNING"
  const canModerate = moderation?.canModerate ?? false
  const mutedMessages = new Set(moderation?.mutedMessageIds ?? [])
  const shown = view === "questions" ? byVotes(messages) : messages
  // Counted as the server counts (one line, trimmed). Over the limit nothing is cut: the viewer is
  // told by how much, and nothing is sent until the text fits.
  const length = normalizeChatText(text).length
  const overBy = length - props.maxLength

  async function send(event: FormEvent) {
    event.preventDefault()
    if (sending) return
    // The server checks all of this again; here it saves a round trip.
    if (!text.trim()) return setError(tErrors("CHAT_MESSAGE_EMPTY"))
    if (overBy > 0) return
    setSending(true)
    setError(null)
    try {
      const response = await fetch(`/api/lives/${encodeURIComponent(props.slug)}/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body: text, ...(asQuestion ? { isQuestion: true } : {}) }),
      })
      const data = (await response.json().catch(() => ({ code: "INTERNAL" }))) as SendChatMessageResult | { code: AppErrorCode }
      if ("code" in data) {
        setError(tErrors(data.code))
        if (data.code === "LIVE_NOT_RUNNING") setStatus("STOPPED")
        return
      }
      setMessages((list) => merge(list, data.message))
      setText("")
      setAsQuestion(false)
    } catch {
      setError(t("networkError"))
    } finally {
      setSending(false)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends (a message is one line in BBB); Shift+Enter is left alone and becomes a space.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      formRef.current?.requestSubmit()
    }
  }

  return (
    <div className="space-y-3">
      {moderation?.canModerate && <ChatModerationBar moderation={{ ...moderation, state: chatState }} act={act} />}
      {actionError && (
        <p className="text-sm font-medium text-red-700" role="alert">
          {actionError}
        </p>
      )}
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("questions.views")}>
        <Button size="sm" variant={view === "all" ? "primary" : "secondary"} aria-pressed={view === "all"} onClick={() => setView("all")}>
          {t("questions.all")}
        </Button>
        <Button size="sm" variant={view === "questions" ? "primary" : "secondary"} aria-pressed={view === "questions"} onClick={() => setView("questions")}>
          {t("questions.title")}
        </Button>
      </div>
      {(chatState.closed || chatState.slowModeSeconds > 0) && (
        <p className="text-sm text-slate-700" role="status" data-testid="chat-state">
          {chatState.closed ? t("closed") : t("slowMode", { seconds: chatState.slowModeSeconds })}
        </p>
      )}
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="chat-empty">
          {t("empty")}
        </p>
      ) : null}
      {/* role=log: new messages are announced politely; the list keeps its own list semantics inside. */}
      {/* tabIndex: keyboard users can scroll the list too. */}
      <div
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-label={t("messages")}
        tabIndex={0}
        className="max-h-80 overflow-y-auto break-words"
        data-testid="chat-messages"
      >
        <ol className="space-y-2">
          {shown.map((message) => (
            <li key={message.id} className={`rounded-md px-3 py-2 text-sm ${message.fromRoom ? "bg-brand-50" : "bg-slate-50"}`} data-testid="chat-message">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-semibold">{message.authorName}</span>
                {message.fromRoom && (
                  <Badge tone="info" testId="chat-message-room">
                    {t("fromRoom")}
                  </Badge>
                )}
                {message.isQuestion && (
                  <Badge tone={message.answered ? "success" : "neutral"} testId="chat-message-question">
                    {message.answered ? t("questions.answered") : t("questions.badge", { count: message.votes ?? 0 })}
                  </Badge>
                )}
                <time dateTime={message.sentAt} className="text-xs text-slate-600">
                  {format.dateTime(new Date(message.sentAt), "time")}
                </time>
              </p>
              {/* React escapes text: a message is never markup. */}
              <p className="whitespace-pre-wrap" data-testid="chat-message-body">
                {message.body}
              </p>
              {message.outcome && (
                <Badge tone={OUTCOME_TONE[message.outcome]} className="mt-1 whitespace-normal" testId="chat-message-outcome">
                  {t(`outcome.${message.outcome}`)}
                </Badge>
              )}
              <ChatMessageActions
                message={message}
                canVote={props.canSend}
                voted={voted.has(message.id)}
                canModerate={canModerate}
                authorMuted={mutedMessages.has(message.id)}
                vote={(id) => void vote(id)}
                act={(input) => void act(input)}
              />
            </li>
          ))}
        </ol>
      </div>
      {props.canSend && !running && (
        <p className="text-sm text-slate-700" role="status">
          {t("notRunning")}
        </p>
      )}
      {props.canSend && running && moderation?.muted && (
        <p className="text-sm text-slate-700" role="status">
          {tErrors("CHAT_MUTED")}
        </p>
      )}
      {props.canSend && running && (
        <form ref={formRef} onSubmit={send} className="space-y-2" noValidate>
          <Field
            id="chat-message"
            label={t("label")}
            hint={overBy > 0 ? undefined : t("remaining", { count: -overBy })}
            error={overBy > 0 ? t("tooLong", { count: overBy, max: props.maxLength }) : error}
          >
            {(control) => (
              <textarea
                {...control}
                name="body"
                rows={2}
                value={text}
                onChange={(e) => {
                  setText(e.target.value)
                  setError(null) // an error about the previous text no longer holds
                }}
                onKeyDown={onKeyDown}
                className={`${inputClasses} resize-none`}
                autoComplete="off"
              />
            )}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={asQuestion} onChange={(e) => setAsQuestion(e.target.checked)} />
            {t("questions.ask")}
          </label>
          <Button type="submit" disabled={sending}>
            {sending ? t("sending") : t("send")}
          </Button>
        </form>
      )}
    </div>
  )
}
