// A BigBlueButton look-alike for development, the demo, end-to-end tests and benchmarks.
//
//   npx tsx tools/bbb-simulator/server.ts [--port 8090] [--secret ...] [--checksum sha1,sha256] [--load 1000x50]
//
// Serves the BBB API under /bigbluebutton/api/ (checksums verified like BBB does) and a JSON control API under
// /_sim/ (see README.md). startBbbSimulator() runs the same server in-process (port 0 for tests).
//
// Its parts: state.ts (the in-memory BBB), api-routes.ts (the BBB API and playbacks), control-routes.ts
// (/_sim/), webhooks.ts (bbb-webhooks callbacks), respond.ts (answers).
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { parseArgs } from "node:util"

import { CHECKSUM_ALGORITHMS, type SimChecksumAlgorithm, createApiRoutes } from "./api-routes"
import { handleControl } from "./control-routes"
import type { RecordingsPagination } from "./model"
import { sendHtml, sendJson } from "./respond"
import { SimulatorState } from "./state"
import { createWebhooks } from "./webhooks"

/** Development secret used when none is given. Not a secret: never reuse it for a real server. */
export const DEFAULT_SIMULATOR_SECRET = "bbb-simulator-dev-secret"
export const DEFAULT_SIMULATOR_PORT = 8090

export type BbbSimulatorOptions = {
  /** 0 picks a free port (tests). Default 8090. */
  port?: number
  /** Default 127.0.0.1: the control API has no authentication. */
  host?: string
  secret?: string
  /** Algorithms whose checksums are accepted (recognised by their length). Default: all four. */
  checksumAlgorithms?: readonly SimChecksumAlgorithm[]
  /** How getRecordings answers offset/limit: BBB 2.6+ style with totals, or ignore them like older servers. */
  recordingsPagination?: RecordingsPagination
  /**
   * bbbVersion of the API root answer (BBB 2.6+ report it; BBB >= 3.0 also serves sendChatMessage). Default
   * "simulator" (no version number: clients treat it like a server older than 3.0 or a Scalelite).
   */
  bbbVersion?: string
  /** One line per API call on stdout (never the query string, which holds the checksum). */
  log?: boolean
}

export type BbbSimulator = {
  /** http://host:port */
  url: string
  /** http://host:port/bigbluebutton/api/ */
  apiUrl: string
  /** bbb-webhooks hooks registered through hooks/create, and the callbacks POSTed so far. */
  webhooks: { hooks(): { hookID: string; callbackURL: string }[]; delivered(): number; failed(): number; settled(): Promise<void> }
  secret: string
  state: SimulatorState
  close(): Promise<void>
}

const API_PREFIX = "/bigbluebutton/api"

export async function startBbbSimulator(options: BbbSimulatorOptions = {}): Promise<BbbSimulator> {
  const secret = options.secret ?? DEFAULT_SIMULATOR_SECRET
  const algorithms = new Set<SimChecksumAlgorithm>(options.checksumAlgorithms ?? CHECKSUM_ALGORITHMS)
  const state = new SimulatorState({ recordingsPagination: options.recordingsPagination })
  const hanging = new Set<ServerResponse>()

  const webhooks = createWebhooks(state, secret)
  const { handleApi, handlePlayback } = createApiRoutes({ state, webhooks, secret, algorithms, bbbVersion: options.bbbVersion, log: options.log, hanging })

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) })
      else res.destroy()
    })
  })

  // Long keep-alive like the nginx in front of BBB (75 s): a client busy parsing a big answer must not find
  // its pooled connection closed under it.
  server.keepAliveTimeout = 75_000
  server.headersTimeout = 76_000

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator")
    const rawQuery = (req.url ?? "").includes("?") ? (req.url ?? "").slice((req.url ?? "").indexOf("?") + 1) : ""
    const path = url.pathname
    if (path === "/_sim" || path.startsWith("/_sim/")) return handleControl(state, req, res, path, url)
    if (path === API_PREFIX || path === `${API_PREFIX}/`) return handleApi(req, res, "version", url, rawQuery)
    if (path.startsWith(`${API_PREFIX}/`)) return handleApi(req, res, path.slice(API_PREFIX.length + 1), url, rawQuery)
    if (path.startsWith("/playback/")) return handlePlayback(req, res, path)
    sendHtml(res, 404, "Not found", "<p>BBB simulator: nothing here.</p>")
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen)
    server.listen(options.port ?? DEFAULT_SIMULATOR_PORT, options.host ?? "127.0.0.1", () => {
      server.off("error", rejectListen)
      resolveListen()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  state.publicUrl = url

  return {
    url,
    apiUrl: `${url}${API_PREFIX}/`,
    secret,
    state,
    webhooks: { hooks: webhooks.hooks, delivered: webhooks.delivered, failed: webhooks.failed, settled: webhooks.settled },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const res of hanging) res.destroy()
        hanging.clear()
        server.close(() => resolveClose())
        server.closeAllConnections()
      }),
  }
}

// ------------------------------------------------------------------------------------------ command line

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      secret: { type: "string" },
      checksum: { type: "string" },
      pagination: { type: "string" },
      "bbb-version": { type: "string" },
      load: { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  })
  if (values.help) {
    console.log(`Usage: npx tsx tools/bbb-simulator/server.ts [options]
  --port <n>          BBB_SIM_PORT, default ${DEFAULT_SIMULATOR_PORT} (0 = any free port)
  --host <addr>       BBB_SIM_HOST, default 127.0.0.1
  --secret <s>        BBB_SIM_SECRET, default the development secret "${DEFAULT_SIMULATOR_SECRET}"
  --checksum <list>   BBB_SIM_CHECKSUM, accepted algorithms, default sha1,sha256,sha384,sha512
  --pagination <p>    getRecordings offset/limit: pagination-element (default) | total-elements | ignore
  --bbb-version <v>   BBB_SIM_BBB_VERSION, the bbbVersion reported (e.g. 3.0.4), default "simulator"
  --load <M>x<A>      start with M running meetings of A attendees (e.g. 1000x50)
  --quiet             no per-call log lines`)
    return
  }
  const env = process.env
  const port = Number(values.port ?? env.BBB_SIM_PORT ?? DEFAULT_SIMULATOR_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port "${values.port ?? env.BBB_SIM_PORT}"`)
  const checksumList = (values.checksum ?? env.BBB_SIM_CHECKSUM ?? CHECKSUM_ALGORITHMS.join(","))
    .split(",")
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean)
  const unknown = checksumList.filter((value) => !(CHECKSUM_ALGORITHMS as readonly string[]).includes(value))
  if (unknown.length > 0 || checksumList.length === 0) throw new Error(`invalid checksum algorithms "${checksumList.join(",")}" (use ${CHECKSUM_ALGORITHMS.join(", ")})`)
  const pagination = (values.pagination ?? "pagination-element") as RecordingsPagination
  if (!["pagination-element", "total-elements", "ignore"].includes(pagination)) throw new Error(`invalid --pagination "${pagination}"`)
  const secret = values.secret ?? env.BBB_SIM_SECRET ?? DEFAULT_SIMULATOR_SECRET

  const simulator = await startBbbSimulator({
    port,
    host: values.host ?? env.BBB_SIM_HOST ?? "127.0.0.1",
    secret,
    checksumAlgorithms: checksumList as SimChecksumAlgorithm[],
    recordingsPagination: pagination,
    bbbVersion: values["bbb-version"] ?? env.BBB_SIM_BBB_VERSION,
    log: !values.quiet,
  })
  if (values.load) {
    const match = /^(\d+)x(\d+)$/.exec(values.load)
    if (!match) throw new Error(`invalid --load "${values.load}" (expected e.g. 1000x50)`)
    const result = simulator.state.generateLoad({ meetings: Number(match[1]), attendeesPerMeeting: Number(match[2]) })
    console.log(`[bbb-sim] generated ${result.created} running meetings of ${match[2]} attendees`)
  }
  console.log(`[bbb-sim] BBB simulator listening on ${simulator.url}`)
  console.log(`[bbb-sim]   BBB_SERVER_URL=${simulator.url}/   API ${simulator.apiUrl}`)
  console.log(`[bbb-sim]   secret: ${secret === DEFAULT_SIMULATOR_SECRET ? `"${DEFAULT_SIMULATOR_SECRET}" (development default)` : "as configured"}; checksums: ${checksumList.join(", ")}`)
  console.log(`[bbb-sim]   control API ${simulator.url}/_sim/state (see tools/bbb-simulator/README.md)`)
  if (!["127.0.0.1", "::1", "localhost"].includes(values.host ?? env.BBB_SIM_HOST ?? "127.0.0.1")) {
    console.log("[bbb-sim]   WARNING: the control API has no authentication and is now reachable from the network")
  }
  const stop = () => {
    void simulator.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`[bbb-sim] ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
