"use client"

// A live's audience curve (uPlot: a canvas chart, no eval, styles set through the CSSOM so the strict
// CSP holds). Samples further apart than `gapAfterMs` are not joined: a pause of the sampling (Redis
// down) shows as a gap, never as invented values. Marks (start, restart, stop) are vertical lines.
// The same figures are in the table next to it (screen readers and no-JavaScript readers use that one):
// the canvas is aria-hidden. Times on the axis and in the legend use the app's named formats (UI
// language, installation time zone): days for a chart over weeks, times of day for a live.
import { useFormatter } from "next-intl"
import { useEffect, useRef } from "react"
import uPlot from "uplot"
import "uplot/dist/uPlot.min.css"

export type ChartPoint = { at: string; value: number }
export type ChartMark = { at: string; label: string }

const MARK_COLOURS = ["#15803d", "#b45309", "#b91c1c"]

/** The series as uPlot wants it (seconds), with a null between two points further apart than `gapAfterMs`. */
export function chartData(points: ChartPoint[], gapAfterMs: number): [number[], (number | null)[]] {
  const xs: number[] = []
  const ys: (number | null)[] = []
  let previous: number | null = null
  for (const p of points) {
    const t = Date.parse(p.at)
    if (previous !== null && t - previous > gapAfterMs) {
      xs.push((previous + gapAfterMs / 2) / 1000)
      ys.push(null)
    }
    xs.push(t / 1000)
    ys.push(p.value)
    previous = t
  }
  return [xs, ys]
}

export function AudienceChart({
  points,
  marks,
  gapAfterMs,
  seriesLabel,
  timeLabel,
  testId = "audience-chart",
  height = 260,
}: {
  points: ChartPoint[]
  marks: ChartMark[]
  gapAfterMs: number
  seriesLabel: string
  /** The legend's name of the time axis (« Heure », « Jour »). */
  timeLabel: string
  testId?: string
  height?: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const format = useFormatter()
  useEffect(() => {
    const element = box.current
    if (!element) return
    const markTimes = marks.map((m) => ({ ...m, t: Date.parse(m.at) / 1000 }))
    const times = points.map((p) => Date.parse(p.at))
    const overDays = times.length > 1 && Math.max(...times) - Math.min(...times) > 2 * 86_400_000
    const at = (seconds: number) => new Date(seconds * 1000)
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height,
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        series: [
          { label: timeLabel, value: (_u, v) => (v == null ? "–" : format.dateTime(at(v), overDays ? "weekday" : "timeSeconds")) },
          { label: seriesLabel, stroke: "#1d4ed8", width: 2, fill: "rgba(29, 78, 216, 0.08)", spanGaps: false, paths: uPlot.paths.stepped?.({ align: 1 }) },
        ],
        axes: [
          { values: (_u, ticks, _space, incr) => ticks.map((v) => format.dateTime(at(v), incr >= 86_400 ? "dayMonth" : "time")) },
          { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : "")) },
        ],
        legend: { show: true },
        hooks: {
          draw: [
            (u) => {
              const { ctx } = u
              markTimes.forEach((m, i) => {
                const x = Math.round(u.valToPos(m.t, "x", true))
                ctx.save()
                ctx.strokeStyle = MARK_COLOURS[i % MARK_COLOURS.length]!
                ctx.setLineDash([4, 4])
                ctx.beginPath()
                ctx.moveTo(x, u.bbox.top)
                ctx.lineTo(x, u.bbox.top + u.bbox.height)
                ctx.stroke()
                ctx.fillStyle = ctx.strokeStyle
                ctx.font = `${12 * devicePixelRatio}px sans-serif`
                ctx.fillText(m.label, x + 4, u.bbox.top + 14 * devicePixelRatio * (1 + (i % 2)))
                ctx.restore()
              })
            },
          ],
        },
      },
      chartData(points, gapAfterMs),
      element,
    )
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height }))
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [points, marks, gapAfterMs, seriesLabel, timeLabel, height, format])
  return <div ref={box} aria-hidden="true" className="w-full overflow-hidden" data-testid={testId} />
}
