// Next.js keeps a client's own X-Forwarded-For header and only fills it when absent, and gives route
// handlers no access to the socket. So the server process stamps every incoming request with its TCP
// peer address under a header of ours, overwriting whatever the client sent under that name. Called
// once from instrumentation (the process that runs the HTTP server); client-ip.ts reads the header.
import http from "node:http"

import { PEER_ADDRESS_HEADER } from "./client-ip"

const INSTALLED = Symbol.for("bbb-pod-live.peer-address")

export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean }
  if (proto[INSTALLED]) return
  proto[INSTALLED] = true
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? ""
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
  } as typeof proto.emit
}
