"use client"

// A video of « Mes vidéos »: the file comes from the front (nginx, range requests). When the file
// stops answering (the video was deleted while it played, or its file is gone) the player gives way
// to a message instead of freezing. A file being sent keeps going after its deletion (nginx holds it
// open) and a short one is already buffered: so the player also asks whether the file is still
// there (HEAD, the app's check) when playback starts or seeks, and every half minute while it plays.
import { useTranslations } from "next-intl"
import { useEffect, useRef, useState } from "react"

import { Notice } from "@/components/ui/notice"

const CHECK_EVERY_MS = 30_000

export function VideoPlayer({ src, title }: { src: string; title: string }) {
  const t = useTranslations("videos")
  const [failed, setFailed] = useState(false)
  const ref = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    const video = ref.current
    if (!video) return
    let timer: ReturnType<typeof setInterval> | undefined
    const check = () => {
      void fetch(src, { method: "HEAD", cache: "no-store" })
        .then((response) => {
          if (response.status !== 404) return // a network hiccup is not a deletion
          video.pause()
          setFailed(true)
        })
        .catch(() => {})
    }
    const onPlay = () => {
      check()
      clearInterval(timer)
      timer = setInterval(check, CHECK_EVERY_MS)
    }
    const onStop = () => clearInterval(timer)
    video.addEventListener("play", onPlay)
    video.addEventListener("seeking", check)
    video.addEventListener("pause", onStop)
    video.addEventListener("ended", onStop)
    return () => {
      clearInterval(timer)
      video.removeEventListener("play", onPlay)
      video.removeEventListener("seeking", check)
      video.removeEventListener("pause", onStop)
      video.removeEventListener("ended", onStop)
    }
  }, [src])
  if (failed) {
    return (
      <Notice tone="error" title={t("playbackEnded")} testId="video-playback-ended">
        {t("playbackEndedHelp")}
      </Notice>
    )
  }
  return (
    <video
      ref={ref}
      controls
      preload="metadata"
      src={src}
      aria-label={t("playerLabel", { title })}
      className="aspect-video w-full rounded-md bg-black"
      data-testid="video-player"
      onError={() => setFailed(true)}
    />
  )
}
