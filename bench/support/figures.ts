// Small statistics and formatting helpers for bench output: medians, nearest-rank percentiles, and a
// plain-text table whose columns line up in a terminal and in a Markdown code block.

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile (p in 0..100): always one of the measured values, never interpolated. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values)
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a"
  return `${Math.round(value).toLocaleString("en-US")} ms`
}

export function seconds(valueMs: number): string {
  if (!Number.isFinite(valueMs)) return "n/a"
  return `${(valueMs / 1000).toFixed(2)} s`
}

export function count(value: number): string {
  return value.toLocaleString("en-US")
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await run()
  return { result, ms: performance.now() - started }
}

export type Verdict = "PASS" | "ABOVE TARGET" | ""

export function verdict(value: number, target: number): Verdict {
  return value <= target ? "PASS" : "ABOVE TARGET"
}

/** Renders rows as aligned columns; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()
  const [header, ...body] = rows
  if (!header) return ""
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n")
}
