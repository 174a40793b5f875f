// deploy/monitoring/: the alert rules and the Grafana dashboard name only metrics /api/metrics really
// exposes. The registered names are read from the code that registers them (the gauges of
// render-metrics.ts, some written only once a sync has run, and the per-process registry).
import { readFileSync } from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"
import { parse } from "yaml"

import { getProcessMetrics, METRICS_PREFIX } from "./process-metrics"

const root = path.resolve(__dirname, "../..")
const read = (file: string) => readFileSync(path.join(root, file), "utf8")

/** Every series name a scrape may carry: gauges (render-metrics.ts) and the process registry's counters and histograms. */
async function registeredSeries(): Promise<Set<string>> {
  const names = new Set<string>()
  for (const [, name] of read("lib/metrics/render-metrics.ts").matchAll(/\bgauge\(\s*"([a-z0-9_]+)"/g)) names.add(`${METRICS_PREFIX}${name}`)
  for (const metric of await getProcessMetrics().registry.getMetricsAsJSON()) {
    names.add(metric.name)
    // prom-client types `type` as a numeric enum; getMetricsAsJSON() gives the exposition's word ("histogram").
    if (String(metric.type) === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(metric.name + suffix)
  }
  return names
}

const usedNames = (expr: string) => [...expr.matchAll(new RegExp(`\\b${METRICS_PREFIX}[a-z0-9_]+`, "g"))].map((m) => m[0])

type Rule = { alert: string; expr: string; labels?: { severity?: string }; annotations?: Record<string, string> }
const rules = () => (parse(read("deploy/monitoring/alerts.yml")) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules)

type Panel = { title: string; targets?: { expr: string }[] }
const dashboardExprs = () => ((JSON.parse(read("deploy/monitoring/dashboard.json")) as { panels: Panel[] }).panels).flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })))

describe("deploy/monitoring", () => {
  it("finds the registered metrics", async () => {
    const names = await registeredSeries()
    expect(names).toContain("bbb_pod_live_redis_up")
    expect(names).toContain("bbb_pod_live_meetings_sync_last_success_timestamp_seconds")
    expect(names).toContain("bbb_pod_live_bbb_call_duration_seconds_bucket")
    expect(names).toContain("bbb_pod_live_meetings_syncs_total")
  })

  it("alerts.yml: each rule has a name, a severity, a runbook of docs/operations.md and only registered metrics", async () => {
    const names = await registeredSeries()
    const guide = read("docs/operations.md")
    const list = rules()
    expect(list.length).toBeGreaterThan(5)
    for (const rule of list) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Za-z]+$/)
      expect(rule.labels?.severity, rule.alert).toMatch(/^(critical|warning|info)$/)
      const used = usedNames(rule.expr)
      expect(used.length + (/\bup\{/.test(rule.expr) ? 1 : 0), `${rule.alert} uses no metric`).toBeGreaterThan(0)
      expect(used.filter((n) => !names.has(n)), rule.alert).toEqual([])
      const anchor = /^docs\/operations\.md#([a-z0-9-]+)$/.exec(rule.annotations?.runbook ?? "")?.[1]
      expect(anchor, `${rule.alert}: runbook`).toBeDefined()
      expect(guide, `${rule.alert}: docs/operations.md has no <a id="${anchor}">`).toContain(`<a id="${anchor}"></a>`)
    }
  })

  it("dashboard.json: every panel's query uses registered metrics only", async () => {
    const names = await registeredSeries()
    const exprs = dashboardExprs()
    expect(exprs.length).toBeGreaterThan(5)
    for (const { panel, expr } of exprs) {
      const used = usedNames(expr)
      expect(used.length, `${panel} uses no metric`).toBeGreaterThan(0)
      expect(used.filter((n) => !names.has(n)), panel).toEqual([])
    }
  })
})
