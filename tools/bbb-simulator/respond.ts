// How the simulator writes its answers (BBB's XML, the control API's JSON, small HTML pages) and reads the
// control API's JSON bodies.
import type { IncomingMessage, ServerResponse } from "node:http"

import { SimulatorError } from "./model"
import { escapeXml } from "./xml"

export const XML_TYPE = "text/xml;charset=UTF-8"
const MAX_JSON_BODY = 1_000_000

export type Answer = { status: number; body: string | Buffer; contentType?: string; headers?: Record<string, string> }

export function xml(body: string): Answer {
  return { status: 200, contentType: XML_TYPE, body }
}

export function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return
  const body = typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : answer.body
  res.writeHead(answer.status, { "content-type": answer.contentType ?? XML_TYPE, "content-length": body.length, "cache-control": "no-cache", ...answer.headers })
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, contentType: "application/json;charset=UTF-8", body: JSON.stringify(value) })
}

export function sendHtml(res: ServerResponse, status: number, title: string, content: string): void {
  send(res, {
    status,
    contentType: "text/html;charset=UTF-8",
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><h1>${escapeXml(title)}</h1>${content}</body></html>`,
  })
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BODY) throw new SimulatorError(413, "body too large")
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString("utf8").trim()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new SimulatorError(400, "body is not JSON")
  }
}
