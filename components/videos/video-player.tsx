"use client"

// A video of « Mes vidéos »: the file comes from the front (nginx, range requests). When the file
// stops answering (the video was deleted while it played, or its file is gone) the player gives way
// to a message instead of freezing.
import { useTranslations } from "next-intl"
import { useState } from "react"

import { Notice } from "@/components/ui/notice"

export function VideoPlayer({ src, title }: { src: string; title: string }) {
  const t = useTranslations("videos")
  const [failed, setFailed] = useState(false)
  if (failed) {
    return (
      <Notice tone="error" title={t("playbackEnded")}>
        {t("playbackEndedHelp")}
      </Notice>
    )
  }
  return (
    <video controls preload="metadata" src={src} aria-label={t("playerLabel", { title })} className="aspect-video w-full rounded-md bg-black" data-testid="video-player" onError={() => setFailed(true)} />
  )
}
