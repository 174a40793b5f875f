"use client"

import { useState, type ComponentProps, type ReactNode } from "react"

import { cn } from "@/components/ui/cn"

import { LivePlayer } from "./live-player"

/**
 * The live page's stage: the video, and the chat beside it from 1024 px (both in view at 1280×800,
 * the chat's box included) or below it on narrower screens. Theatre mode puts the video across the
 * page and the chat below it, as on a phone.
 */
export function LiveStage({ player, chat }: { player: Omit<ComponentProps<typeof LivePlayer>, "theatre" | "onTheatreChange">; chat: ReactNode }) {
  const [theatre, setTheatre] = useState(false)
  const beside = !!chat && !theatre
  return (
    <div className={cn("grid gap-6", beside && "lg:grid-cols-[minmax(0,1fr)_21rem] lg:items-start")} data-testid="live-stage" data-theatre={theatre ? "on" : "off"}>
      <LivePlayer {...player} theatre={theatre} onTheatreChange={chat ? setTheatre : undefined} />
      {chat && (
        <div className="min-w-0" data-testid="live-chat-column">
          {chat}
        </div>
      )}
    </div>
  )
}
