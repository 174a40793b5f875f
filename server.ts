// npm start — the app's HTTP server: Next.js for every page and route, except the live pages' event
// streams (GET /api/lives/<slug>/events) and the per-visitor questions of a members' page (GET
// /api/me, GET /api/lives/<slug>/access), served here on plain Node.js http (server/node-routes.ts; server/README.md).
//
// Why: a live page holds its event stream open for the whole lecture, and a busy chat writes to every
// one of them (2,000 viewers × 20 messages/s). Through a Next.js route handler each write crosses
// several web streams and async-context hooks; written to the socket directly it costs a fraction of
// that (docs/benchmarks.md, "Chat fan-out"). The stream's rules are the page's: lib/lives.
//
//   node --import tsx server.ts [-p 3000] [-H 0.0.0.0] [--dev]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import path from "node:path"
import { parseArgs } from "node:util"

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    // Every interface (IPv4 and IPv6) unless told, as `next start`.
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean", default: false },
  },
})
const dev = args.dev
// Before Next.js and our settings are loaded, as `next start` / `next dev` do: hence the dynamic
// imports below (React and Next.js read NODE_ENV when they load).
;(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production"
const { bootstrap } = await import("@/lib/boot/bootstrap")
// .env only: Next.js validates the settings and checks the services when it starts (instrumentation-node.ts).
await bootstrap("web", { settings: false })

const { default: next } = await import("next")
const { serveNodeRoute } = await import("@/server/node-routes")
const { escapeMalformedPath } = await import("@/server/escape-malformed-path")
const { PEER_ADDRESS_HEADER } = await import("@/lib/auth/client-ip")
const { logger } = await import("@/lib/logger")

const port = Number(args.port)
const app = next({ dev, dir: path.dirname(new URL(import.meta.url).pathname), hostname: args.hostname ?? "localhost", port })
const handle = app.getRequestHandler()
await app.prepare()

function onRequest(request: IncomingMessage, response: ServerResponse): void {
  // The client's address as our TCP peer saw it (lib/auth/client-ip.ts), whatever it sent.
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? ""
  // A path that does not percent-decode gets the usual 404, not Next.js's bare 500.
  request.url = escapeMalformedPath(request.url ?? "/")
  if (!serveNodeRoute(request, response)) void handle(request, response)
}

const server = createServer(onRequest)
server.listen(port, args.hostname, () => {
  console.log(`bbb-pod-live ready on http://${args.hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`)
})

let stopping = false
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, "HTTP server stopping")
    server.close()
    server.closeAllConnections() // event streams never end by themselves; browsers reconnect elsewhere
    void app.close().finally(() => process.exit(0))
  })
}
