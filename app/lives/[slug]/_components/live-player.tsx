"use client"

import type HlsType from "hls.js"
import type { HlsConfig } from "hls.js"
import { useTranslations } from "next-intl"
import { useEffect, useId, useRef, useState, type ReactNode } from "react"

import type { LiveStatus } from "@/lib/lives/schemas"

import { isMediaRefused, LIVE_HLS_SETTINGS, signedMediaXhrSetup } from "@/components/lives/live-hls"
import { fetchLiveStatus, isEndedStatus, resolveStatusFrame } from "@/components/lives/live-status-hint"
import {
  audioOnlyUrl,
  fragmentRate,
  hasQualityChoice,
  lowestVideoBitrate,
  mayRetryVideo,
  qualityOptions,
  readQualityChoice,
  resolveQualityChoice,
  saveQualityChoice,
  SLOW_FRAGMENTS_FOR_AUDIO,
  tooSlowForVideo,
  type QualityChoice,
  type QualityOption,
} from "@/components/lives/player-quality"
import { reportRendition } from "@/components/lives/report-rendition"
import { useLiveEvents } from "@/components/lives/use-live-events"
import { Button } from "@/components/ui/button"
import { cn } from "@/components/ui/cn"
import { inputClasses } from "@/components/ui/field"
import { LiveStatusBadge } from "@/components/ui/live-status-badge"

import { LiveViewerCount } from "./live-viewer-count"

type Playback = "waiting" | "starting" | "playing" | "reconnecting" | "blocked" | "expired"

/** A stall shorter than this is a normal buffering hiccup, not worth a message. */
const STALL_NOTICE_MS = 1_500
const RETRY_MS = 2_000

/**
 * Added to the live settings (live-hls.ts): start at the rendition the measured bandwidth allows
 * (startLevel -1: the first fragment, of the lowest rendition, measures it), then follow it (ABR).
 */
const ADAPTIVE_START = { startLevel: -1, testBandwidth: true } satisfies Partial<HlsConfig>

/**
 * The live's video: hls.js (native HLS where the browser has it, i.e. Safari), muted autoplay with an
 * unmute control, and a clear state instead of a broken player: not started yet (poster), reconnecting
 * (network error or stream gap: hls.js and our retry recover by themselves), access expired (the
 * media answers 401/403: a reload gets a fresh token or the sign-in page), ended (the live's event
 * stream says so, and the server confirms it: a frame is a hint, see live-status-hint.ts). The status
 * comes from the live's events, never from polling. Its controls: sound, quality (Auto, each rendition
 * of the ladder, « Son seul »; see player-quality.ts), theatre mode, full screen.
 */
export function LivePlayer({
  slug,
  src,
  poster,
  initialStatus,
  badges,
  theatre,
  onTheatreChange,
}: {
  slug: string
  src: string
  poster: string
  initialStatus: LiveStatus
  /** Shown next to the status badge and the viewer count (the restricted-access badge). */
  badges?: ReactNode
  /** Theatre mode (the video across the page, the chat below it): the page's layout owns it. */
  theatre?: boolean
  onTheatreChange?: (theatre: boolean) => void
}) {
  const t = useTranslations("livePage")
  const videoRef = useRef<HTMLVideoElement>(null)
  const frameRef = useRef<HTMLDivElement>(null)
  const qualityId = useId()
  const hlsRef = useRef<HlsType | null>(null)
  const [status, setStatus] = useState<LiveStatus>(initialStatus)
  const [playback, setPlayback] = useState<Playback>("waiting")
  const [muted, setMuted] = useState(true)
  const [fullscreen, setFullscreen] = useState(false)
  /** The ladder's choices, read from the master playlist (never from the audio-only one). */
  const [options, setOptions] = useState<QualityOption[]>([{ value: "auto" }])
  const [choice, setChoice] = useState<QualityChoice>("auto")
  /** The rendition playing now ("360p"), shown next to Auto and read by the browser tests. */
  const [rendition, setRendition] = useState<string | null>(null)
  /** The audio-only rendition's playlist when « Son seul » is chosen: played instead of the master. */
  const [audioSrc, setAudioSrc] = useState<string | null>(null)
  const audioUrl = useRef<string | null>(null)
  /** Auto fell back to « Son seul » (the connection is too slow for any video rendition). */
  const autoAudio = useRef(false)
  const lowestBitrate = useRef<number | null>(null)
  const choiceRef = useRef(choice)
  useEffect(() => {
    choiceRef.current = choice
  })
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
  const playing = audioSrc ?? src

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
      setPlayback((p) => (p === "expired" ? p : "playing"))
    }
    const onWaiting = () => {
      clearTimeout(stall)
      stall = setTimeout(() => setPlayback((p) => (p === "playing" ? "reconnecting" : p)), STALL_NOTICE_MS)
    }
    video.addEventListener("playing", onPlaying)
    video.addEventListener("waiting", onWaiting)
    video.addEventListener("stalled", onWaiting)
    const stop = () => {
      hls?.destroy()
      hls = null
      hlsRef.current = null
    }

    const start = async () => {
      const { default: Hls } = await import("hls.js")
      if (cancelled) return
      if (!Hls.isSupported()) {
        // Safari (and iOS) play HLS themselves, and choose the rendition themselves.
        video.src = src
        play()
        return
      }
      const master = playing === src
      const attach = () => {
        hls = new Hls({ ...LIVE_HLS_SETTINGS, ...ADAPTIVE_START, xhrSetup: signedMediaXhrSetup(slug) })
        hlsRef.current = hls
        // hls.js parses the master (MANIFEST_PARSED, its levels without the audio-only rendition)
        // while it announces MANIFEST_LOADED, before this listener: here both are known.
        hls.on(Hls.Events.MANIFEST_LOADED, (_event, data) => {
          if (!master || !hls) return
          audioUrl.current = audioOnlyUrl(data.levels)
          lowestBitrate.current = lowestVideoBitrate(hls.levels)
          const found = qualityOptions(hls.levels, audioUrl.current !== null)
          const wanted = resolveQualityChoice(readQualityChoice(), found)
          setOptions(found)
          setChoice(wanted.value)
          if (wanted.value === "audio") {
            // Remembered « Son seul »: play the audio-only rendition instead (the effect starts again).
            setAudioSrc(audioUrl.current)
          } else if (wanted.level !== undefined) {
            hls.startLevel = wanted.level
            hls.loadLevel = wanted.level
          }
        })
        hls.on(Hls.Events.MANIFEST_PARSED, play)
        let slow = 0
        const audioSince = performance.now()
        hls.on(Hls.Events.FRAG_LOADED, (_event, data) => {
          if (!hls || choiceRef.current !== "auto") return
          if (master) {
            // Auto's last rung: too slow for the lowest video rendition, fragment after fragment.
            const { loaded, loading } = data.frag.stats
            slow = tooSlowForVideo(fragmentRate(loaded, loading.end - loading.start), lowestBitrate.current) ? slow + 1 : 0
            if (slow >= SLOW_FRAGMENTS_FOR_AUDIO && audioUrl.current) {
              autoAudio.current = true
              setAudioSrc(audioUrl.current)
            }
          } else if (autoAudio.current && mayRetryVideo(hls.bandwidthEstimate, lowestBitrate.current, performance.now() - audioSince)) {
            autoAudio.current = false
            setAudioSrc(null)
          }
        })
        hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
          const height = hls?.levels[data.level]?.height
          setRendition(master ? (height ? `${height}p` : null) : "audio")
        })
        hls.on(Hls.Events.ERROR, (_event, data) => {
          // The origin refuses the media (a restricted live's access expired or was lost): say so, no retry.
          if (isMediaRefused(data)) {
            setPlayback("expired")
            stop()
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
          stop()
          clearTimeout(retry)
          retry = setTimeout(() => {
            if (!cancelled) attach()
          }, RETRY_MS)
        })
        hls.loadSource(playing)
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
      const native = !hls && !hlsRef.current && video.src
      stop()
      if (native) {
        video.removeAttribute("src")
        video.load()
      }
    }
  }, [running, src, playing, slug])

  // The audience samples count the viewers on each rendition: say which one plays now.
  const reported = running ? rendition : null
  useEffect(() => (reported ? reportRendition(slug, reported) : undefined), [reported, slug])

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === frameRef.current && frameRef.current !== null)
    document.addEventListener("fullscreenchange", onChange)
    return () => document.removeEventListener("fullscreenchange", onChange)
  }, [])

  function chooseQuality(value: QualityChoice) {
    saveQualityChoice(value)
    setChoice(value)
    autoAudio.current = false
    if (value === "audio") {
      setAudioSrc(audioUrl.current)
      return
    }
    if (audioSrc !== null) {
      // Back to video: the master playlist again, whose MANIFEST_PARSED applies the stored choice.
      setAudioSrc(null)
      return
    }
    const level = options.find((o) => o.value === value)?.level
    // nextLevel: switches at the next fragment without interrupting playback; -1 is Auto.
    if (hlsRef.current) hlsRef.current.nextLevel = level ?? -1
  }

  function toggleFullscreen() {
    const frame = frameRef.current
    const video = videoRef.current as (HTMLVideoElement & { webkitEnterFullscreen?: () => void }) | null
    if (document.fullscreenElement) {
      void document.exitFullscreen()
    } else if (frame?.requestFullscreen && document.fullscreenEnabled) {
      void frame.requestFullscreen().catch(() => undefined)
    } else {
      video?.webkitEnterFullscreen?.() // iOS: only the video itself goes full screen
    }
  }

  const expired = running && playback === "expired"
  const message = ended
    ? { title: t("ended"), help: t("endedHelp"), testId: "live-ended" }
    : !running
      ? { title: t("notStarted"), help: t("notStartedHelp"), testId: "live-not-started" }
      : expired
        ? { title: t("accessExpired"), help: t("accessExpiredHelp"), testId: "live-access-expired" }
        : playback === "reconnecting"
          ? { title: t("reconnecting"), help: t("reconnectingHelp"), testId: "live-reconnecting" }
          : playback === "starting"
            ? { title: t("starting"), help: t("startingHelp"), testId: "live-starting" }
            : null
  const audioOnly = running && !message && audioSrc !== null
  const label = (value: QualityChoice) =>
    value === "auto"
      ? choice === "auto" && rendition
        ? t("qualityAutoNow", { rendition: rendition === "audio" ? t("qualityAudio") : rendition })
        : t("qualityAuto")
      : value === "audio"
        ? t("qualityAudio")
        : value

  return (
    <div data-testid="live-player" data-rendition={rendition ?? undefined}>
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2">
        <LiveStatusBadge status={status} testId="live-badge" />
        <LiveViewerCount slug={slug} />
        {badges}
      </div>
      <div ref={frameRef} className={cn(fullscreen && "flex h-full flex-col bg-black p-2")}>
        <div className={cn("relative w-full overflow-hidden bg-slate-900", fullscreen ? "min-h-0 flex-1" : "aspect-video rounded-lg")}>
          {!ended && (
            <video
              ref={videoRef}
              className="size-full"
              poster={poster}
              muted={muted}
              autoPlay
              playsInline
              controls={running && (playback === "playing" || playback === "reconnecting") && !fullscreen}
              aria-label={t("player")}
              data-testid="live-video"
            />
          )}
          <div role="status" aria-live="polite" className={message || audioOnly ? "absolute inset-0 flex items-center justify-center bg-slate-900/70 p-4 text-center text-white" : "sr-only"}>
            {message && (
              <div data-testid={message.testId} data-live-state={message.testId}>
                <p className="text-lg font-semibold">{message.title}</p>
                <p className="mt-1 text-sm text-slate-200">{message.help}</p>
                {message.testId === "live-access-expired" && (
                  <Button type="button" className="mt-3" onClick={() => window.location.reload()}>
                    {t("reload")}
                  </Button>
                )}
              </div>
            )}
            {audioOnly && (
              <div data-testid="live-audio-only">
                <p className="text-lg font-semibold">{t("qualityAudio")}</p>
                <p className="mt-1 text-sm text-slate-200">{choice === "auto" ? t("audioOnlyAutoHelp") : t("audioOnlyHelp")}</p>
              </div>
            )}
          </div>
        </div>
        {running && (
          <div className={cn("mt-3 flex flex-wrap items-center gap-2", fullscreen && "mt-2")}>
            {playback === "blocked" && (
              <Button
                type="button"
                size="sm"
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
              size="sm"
              onClick={() => {
                const video = videoRef.current
                if (!video) return
                video.muted = !muted
                setMuted(!muted)
              }}
            >
              <SpeakerIcon muted={muted} /> {muted ? t("unmute") : t("mute")}
            </Button>
            {hasQualityChoice(options) && (
              <span className="flex items-center gap-2">
                <label htmlFor={qualityId} className={cn("text-sm font-medium", fullscreen ? "text-white" : "text-slate-800")}>
                  {t("quality")}
                </label>
                <select
                  id={qualityId}
                  value={choice}
                  onChange={(e) => chooseQuality(e.target.value as QualityChoice)}
                  className={cn(inputClasses, "py-1 text-sm")}
                  data-testid="live-quality"
                >
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {label(o.value)}
                    </option>
                  ))}
                </select>
              </span>
            )}
            <span className="flex-1" />
            {onTheatreChange && !fullscreen && (
              // Only where it changes something: the chat is beside the video from 1024 px.
              <span className="hidden lg:contents">
                <Button type="button" variant="secondary" size="sm" aria-pressed={theatre ?? false} onClick={() => onTheatreChange(!theatre)}>
                  <TheatreIcon /> {t("theatre")}
                </Button>
              </span>
            )}
            <Button type="button" variant="secondary" size="sm" onClick={toggleFullscreen}>
              <FullscreenIcon exit={fullscreen} /> {fullscreen ? t("exitFullscreen") : t("fullscreen")}
            </Button>
          </div>
        )}
      </div>
    </div>
  )
}

const ICON = { "aria-hidden": true, viewBox: "0 0 24 24", className: "size-5", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg {...ICON}>
      <path d="M11 5 6 9H2v6h4l5 4V5z" />
      {muted ? <path d="m23 9-6 6m0-6 6 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />}
    </svg>
  )
}

function TheatreIcon() {
  return (
    <svg {...ICON}>
      <rect x="2" y="5" width="20" height="14" rx="2" />
    </svg>
  )
}

function FullscreenIcon({ exit }: { exit: boolean }) {
  return (
    <svg {...ICON}>
      {exit ? <path d="M8 3v5H3m18 0h-5V3m0 18v-5h5M3 16h5v5" /> : <path d="M3 8V3h5m8 0h5v5m0 8v5h-5M8 21H3v-5" />}
    </svg>
  )
}
