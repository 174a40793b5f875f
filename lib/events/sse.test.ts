// The event stream written to a Node.js response: the frames in order, clean-up when the browser
// leaves, and a viewer that stops reading dropped rather than held in memory.
import http from "node:http"
import type { AddressInfo } from "node:net"

import { afterEach, expect, it } from "vitest"

import { sseFrame, writeSseStream, type SseSend } from "./sse"

let server: http.Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => (server ? server.close(r) : r(undefined)))
  server = null
})

async function serve(onOpen: (send: SseSend) => () => void): Promise<string> {
  server = http.createServer((_request, response) => writeSseStream(response, onOpen, { "X-Test": "yes" }))
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

it("writes the retry hint and the frames, with the event-stream headers, and cleans up when the browser leaves", async () => {
  let closed = 0
  const url = await serve((send) => {
    send(sseFrame("status", { status: "RUNNING" }))
    send(new TextEncoder().encode(sseFrame("viewers", { count: 3 })))
    return () => closed++
  })
  let text = ""
  const request = http.get(url, (response) => {
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8")
    expect(response.headers["x-accel-buffering"]).toBe("no")
    expect(response.headers["x-test"]).toBe("yes")
    response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk))
  })
  await expect.poll(() => text).toBe('retry: 3000\n\nevent: status\ndata: {"status":"RUNNING"}\n\nevent: viewers\ndata: {"count":3}\n\n')
  request.destroy()
  await expect.poll(() => closed).toBe(1)
})

it("drops a viewer that stops reading once a megabyte is queued for it", async () => {
  let closed = 0
  let send: SseSend = () => undefined
  const url = await serve((s) => {
    send = s
    return () => closed++
  })
  const response = await new Promise<http.IncomingMessage>((resolve) => http.get(url, resolve))
  response.pause() // a browser tab that no longer reads
  const chunk = sseFrame("chat", { body: "x".repeat(64 * 1024) })
  for (let i = 0; i < 200 && closed === 0; i++) {
    send(chunk)
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(closed).toBe(1)
  // The server closed the connection: once the tab reads again, the stream ends there.
  response.on("error", () => undefined)
  response.resume()
  await expect.poll(() => response.destroyed).toBe(true)
})
