"use client"

import type HlsType from "hls.js"
import { useTranslations } from "next-intl"
import { useEffect, useRef, useState } from "react"

import type { LiveStatus } from "@/lib/lives/schemas"

import { isMediaRefused, LIVE_HLS_SETTINGS, signedMediaXhrSetup } from "@/components/lives/live-hls"
import { fetchLiveStatus, isEndedStatus, resolveStatusFrame } from "@/components/lives/live-status-hint"
import { useLiveEvents } from "@/components/lives/use-live-events"
import { Button } from "@/components/ui/button"

type Playback = "waiting" | "starting" | "playing" | "reconnecting" | "blocked" | "expired"

/** A stall shorter than this is a normal buffering hiccup, not worth a message. */
const STALL_NOTICE_MS = 1_500
const RETRY_MS = 2_000

/**
 * The live's video: hls.js (native HLS where the browser has it, i.e. Safari), muted autoplay with an
 * unmute control, and a clear state instead of a broken player: not started yet (poster), reconnecting
 * (network error or stream gap: hls.js and our retry recover by themselves), ended (the live's event
 * stream says so, and the server confirms it: a frame is a hint, see live-status-hint.ts). The status
 * comes from the live's events, never from polling.
 */
export function LivePlayer({ slug, src, poster, initialStatus }: { slug: string; src: string; poster: string; initialStatus: LiveStatus }) {
  const t = useTranslations("livePage")
  const videoRef = useRef<HTMLVideoElement>(null)
  const [status, setStatus] = useState<LiveStatus>(initialStatus)
  const [playback, setPlayback] = useState<Playback>("waiting")
  const [muted, setMuted] = useState(true)
  const shown = useRef(initialStatus)
  const latestFrame = useRef(0)
  useLiveEvents(slug, (event) => {
    if (event.type !== "status") return
    const frame = ++latestFrame.current
    void resolveStatusFrame({ current: shown.current, frame: event.status, confirm: () => fetchLiveStatus(slug) }).then((next) => {
      if (frame !== latestFrame.current) return // a later frame decides
      shown.current = next
      setStatus(next)
    })
  })
  const ended = isEndedStatus(status)
  const running = status === "RUNNING"

  useEffect(() => {
    const video = videoRef.current
    if (!running || !video) return
    let cancelled = false
    let hls: HlsType | null = null
    let retry: ReturnType<typeof setTimeout> | undefined
    let stall: ReturnType<typeof setTimeout> | undefined
    const play = () => {
      video.play().catch((error: unknown) => {
        // Autoplay refused even muted (a browser setting): the viewer starts it.
        if (!cancelled && (error as Error).name === "NotAllowedError") setPlayback("blocked")
      })
    }
    const onPlaying = () => {
      clearTimeout(stall)
      setPlayback("playing")
    }
    const onWaiting = () => {
      clearTimeout(stall)
      stall = setTimeout(() => setPlayback((p) => (p === "playing" ? "reconnecting" : p)), STALL_NOTICE_MS)
    }
    video.addEventListener("playing", onPlaying)
    video.addEventListener("waiting", onWaiting)
    video.addEventListener("stalled", onWaiting)

    const start = async () => {
      const { default: Hls } = await import("hls.js")
      if (cancelled) return
      if (!Hls.isSupported()) {
        // Safari (and iOS) play HLS themselves.
        video.src = src
        play()
        return
      }
      const attach = () => {
        hls = new Hls({ ...LIVE_HLS_SETTINGS, xhrSetup: signedMediaXhrSetup(slug) })
        hls.on(Hls.Events.MANIFEST_PARSED, play)
        hls.on(Hls.Events.ERROR, (_event, data) => {
          // The origin refuses the media (a restricted live's access expired or was lost): say so, no retry.
          if (isMediaRefused(data)) {
            setPlayback("expired")
            hls?.destroy()
            hls = null
            return
          }
          if (!data.fatal) return
          if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
            hls?.recoverMediaError()
            return
          }
          // The playlist is not there yet (the stream has just started: say so) or the network
          // dropped: start again in a moment, for as long as the live runs.
          setPlayback((p) => (p === "playing" || p === "reconnecting" ? "reconnecting" : p === "waiting" ? "starting" : p))
          hls?.destroy()
          hls = null
          clearTimeout(retry)
          retry = setTimeout(() => {
            if (!cancelled) attach()
          }, RETRY_MS)
        })
        hls.loadSource(src)
        hls.attachMedia(video)
      }
      attach()
    }
    void start()
    return () => {
      cancelled = true
      clearTimeout(retry)
      clearTimeout(stall)
      video.removeEventListener("playing", onPlaying)
      video.removeEventListener("waiting", onWaiting)
      video.removeEventListener("stalled", onWaiting)
      hls?.destroy()
      if (!hls && video.src) {
        video.removeAttribute("src")
        video.load()
      }
    }
  }, [running, src, slug])

  const message = ended
    ? { title: t("ended"), help: t("endedHelp"), testId: "live-ended" }
    : !running
      ? { title: t("notStarted"), help: t("notStartedHelp"), testId: "live-not-started" }
      : playback === "expired"
        ? { title: t("accessExpired"), help: t("accessExpiredHelp"), testId: "live-access-expired" }
        : playback === "reconnecting"
          ? { title: t("reconnecting"), help: t("reconnectingHelp"), testId: "live-reconnecting" }
          : playback === "starting"
            ? { title: t("starting"), help: t("startingHelp"), testId: "live-starting" }
            : null

  return (
    <div>
      <div className="relative aspect-video w-full overflow-hidden rounded-lg bg-slate-900">
        {!ended && (
          <video
            ref={videoRef}
            className="size-full"
            poster={poster}
            muted={muted}
            autoPlay
            playsInline
            controls={running && (playback === "playing" || playback === "reconnecting")}
            aria-label={t("player")}
            data-testid="live-video"
          />
        )}
        <div role="status" aria-live="polite" className={message ? "absolute inset-0 flex items-center justify-center bg-slate-900/70 p-4 text-center text-white" : "sr-only"}>
          {message && (
            <div data-testid={message.testId} data-live-state={message.testId}>
              <p className="text-lg font-semibold">{message.title}</p>
              <p className="mt-1 text-sm text-slate-200">{message.help}</p>
            </div>
          )}
        </div>
      </div>
      {running && (
        <div className="mt-3 flex flex-wrap gap-2">
          {playback === "blocked" && (
            <Button
              type="button"
              onClick={() => {
                setPlayback("waiting")
                void videoRef.current?.play().catch(() => setPlayback("blocked"))
              }}
            >
              {t("play")}
            </Button>
          )}
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              const video = videoRef.current
              if (!video) return
              video.muted = !muted
              setMuted(!muted)
            }}
          >
            <SpeakerIcon muted={muted} /> {muted ? t("unmute") : t("mute")}
          </Button>
        </div>
      )}
    </div>
  )
}

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M11 5 6 9H2v6h4l5 4V5z" />
      {muted ? <path d="m23 9-6 6m0-6 6 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />}
    </svg>
  )
}
