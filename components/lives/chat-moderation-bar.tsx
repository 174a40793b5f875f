"use client"

// The moderators' controls of a live page's chat (issue 24): close or reopen it, slow mode, show or
// not the BBB room's messages (disabled with the reason without bbb-webhooks), and the hidden messages
// with who hid them. The server enforces all of it; this only asks.
import { useFormatter, useTranslations } from "next-intl"
import { useState } from "react"

import { Button } from "@/components/ui/button"
import { inputClasses } from "@/components/ui/field"
import type { ChatModerationInput, ChatModerationView } from "@/lib/chat/schemas"

const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 120]

export function ChatModerationBar(props: { moderation: ChatModerationView; act: (input: ChatModerationInput) => Promise<void> }) {
  const t = useTranslations("liveChat.moderation")
  const format = useFormatter()
  const [busy, setBusy] = useState(false)
  const { state, hidden = [], roomChatAvailable } = props.moderation
  const run = async (input: ChatModerationInput) => {
    setBusy(true)
    try {
      await props.act(input)
    } finally {
      setBusy(false)
    }
  }
  const choices = SLOW_MODE_CHOICES.includes(state.slowModeSeconds) ? SLOW_MODE_CHOICES : [...SLOW_MODE_CHOICES, state.slowModeSeconds].sort((a, b) => a - b)
  return (
    <section aria-labelledby="chat-moderation-title" className="space-y-2 rounded-md border border-slate-300 p-3 text-sm" data-testid="chat-moderation">
      <h3 id="chat-moderation-title" className="font-semibold">
        {t("title")}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <Button size="sm" variant={state.closed ? "primary" : "secondary"} disabled={busy} onClick={() => void run({ action: state.closed ? "reopen" : "close" })}>
          {state.closed ? t("reopen") : t("close")}
        </Button>
        <div className="space-y-1">
          <label htmlFor="chat-slow-mode" className="block font-medium">
            {t("slowMode")}
          </label>
          <select
            id="chat-slow-mode"
            className={`${inputClasses} w-auto py-1`}
            value={state.slowModeSeconds}
            disabled={busy}
            onChange={(e) => void run({ action: "slowMode", seconds: Number(e.target.value) })}
          >
            {choices.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t("slowModeOff") : t("slowModeEvery", { seconds: s })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input
          id="chat-room-messages"
          type="checkbox"
          className="mt-1 size-4"
          checked={roomChatAvailable && state.showRoomChat}
          disabled={busy || !roomChatAvailable}
          aria-describedby="chat-room-messages-hint"
          onChange={(e) => void run({ action: "showRoomChat", value: e.target.checked })}
        />
        <div>
          <label htmlFor="chat-room-messages">{t("roomMessages")}</label>
          <p id="chat-room-messages-hint" className="text-slate-600">
            {roomChatAvailable ? t("roomMessagesHint") : t("roomMessagesUnavailable")}
          </p>
        </div>
      </div>
      <p className="text-slate-600">{t("hideNote")}</p>
      {hidden.length > 0 && (
        <details data-testid="chat-hidden-messages">
          <summary className="cursor-pointer">{t("hiddenCount", { count: hidden.length })}</summary>
          <ol className="mt-2 space-y-1 break-words">
            {hidden.map((m) => (
              <li key={m.id} className="text-slate-700">
                <span className="font-semibold">{m.authorName}</span> <span className="line-through">{m.body}</span>{" "}
                <span className="text-xs">{t("hiddenBy", { name: m.hiddenByName, time: format.dateTime(new Date(m.hiddenAt), "time") })}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  )
}
