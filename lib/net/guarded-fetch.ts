// The one way to fetch a URL a user typed (DEVELOPERS.md): only http(s) on the listed ports, every
// hop (the first request and each redirect) resolved, checked against the address rule and then
// connected to that very address (no second DNS answer between check and connect), a capped number of
// redirects, an accepted content type, a size cap and a time cap. Hosts on the admin allow-list skip
// the address rule (e.g. the university's own PeerTube on a private address).
// A refusal throws AppError URL_REFUSED (the reason goes to the logs, never to the user); network
// failures are thrown as they are, for the caller to retry.
import { lookup as dnsLookup } from "node:dns/promises"
import http, { type IncomingMessage } from "node:http"
import https from "node:https"
import { isIP, type LookupFunction } from "node:net"
import { pipeline, Transform, type Readable } from "node:stream"

import { AppError } from "@/lib/errors"

import { isBlockedAddress } from "./is-blocked-address"

export type GuardedFetchPolicy = {
  /** Ports a URL may name (the scheme's default port counts as named). */
  allowedPorts: readonly number[]
  /** `host` or `host:port` entries (lower case, IPv6 in brackets) exempt from the address rule; a `host:port` entry also from the port rule. */
  allowedHosts: readonly string[]
  maxBytes: number
  /** For the whole transfer, body included. */
  timeoutMs: number
  maxRedirects: number
  /** The media type of a 2xx answer (lower case, no parameters). */
  isAcceptedType: (mediaType: string) => boolean
}

export type GuardedResponse = {
  status: number
  mediaType: string
  /** The URL that answered (after redirects). */
  url: URL
  /** The body, cut with URL_REFUSED past maxBytes. */
  body: Readable
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

function refuse(reason: string, url: URL): never {
  throw new AppError("URL_REFUSED", { message: `refused ${url.protocol}//${url.host}: ${reason}`, details: { reason, host: url.host } })
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80
}

/** Checks one hop and returns the addresses that may be connected to (all of them checked). */
async function resolveHop(url: URL, policy: GuardedFetchPolicy): Promise<string[]> {
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse("scheme", url)
  if (url.username || url.password) refuse("credentials in the URL", url)
  const port = portOf(url)
  const host = url.hostname.toLowerCase()
  const hostPortListed = policy.allowedHosts.includes(`${host}:${port}`)
  const hostListed = hostPortListed || policy.allowedHosts.includes(host)
  if (!hostPortListed && !policy.allowedPorts.includes(port)) refuse(`port ${port}`, url)
  const bare = host.replace(/^\[|\]$/g, "")
  const addresses = isIP(bare) ? [bare] : (await dnsLookup(bare, { all: true, verbatim: true })).map((a) => a.address)
  if (addresses.length === 0) refuse("no address", url)
  // Every answer is checked: a name with one public and one private address is refused.
  if (!hostListed && addresses.some(isBlockedAddress)) refuse("address", url)
  return addresses
}

function request(url: URL, addresses: string[], signal: AbortSignal): Promise<IncomingMessage> {
  const checked = addresses.map((address) => ({ address, family: isIP(address) }))
  // The connection goes to the checked addresses whatever the DNS says now (no second lookup to rebind).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, checked)
    else callback(null, checked[0]!.address, checked[0]!.family)
  }
  const client = url.protocol === "https:" ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: portOf(url),
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: { host: url.host, "user-agent": "bbb-pod-live", accept: "video/*, */*;q=0.1" },
        lookup,
        signal,
        agent: false,
      },
      resolve,
    )
    req.on("error", reject)
    req.end()
  })
}

function capped(body: IncomingMessage, url: URL, maxBytes: number): Readable {
  let seen = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > maxBytes) done(new AppError("URL_REFUSED", { message: `refused ${url.host}: larger than ${maxBytes} bytes`, details: { reason: "size" } }))
      else done(null, chunk)
    },
  })
  return pipeline(body, counter, () => {})
}

export async function guardedFetch(input: string, policy: GuardedFetchPolicy): Promise<GuardedResponse> {
  const signal = AbortSignal.timeout(policy.timeoutMs)
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new AppError("URL_REFUSED", { message: "refused: not a URL", details: { reason: "not a URL" } })
  }
  for (let hop = 0; ; hop++) {
    const addresses = await resolveHop(url, policy)
    const response = await request(url, addresses, signal)
    const status = response.statusCode ?? 0
    const location = response.headers.location
    if (REDIRECTS.has(status) && location) {
      response.resume()
      if (hop >= policy.maxRedirects) refuse("too many redirects", url)
      url = new URL(location, url)
      continue
    }
    const mediaType = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase()
    if (status >= 200 && status < 300) {
      const length = Number(response.headers["content-length"])
      const reason = !policy.isAcceptedType(mediaType) ? `content type "${mediaType}"` : length > policy.maxBytes ? `${length} bytes` : null
      if (reason) {
        response.destroy()
        refuse(reason, url)
      }
    }
    return { status, mediaType, url, body: capped(response, url, policy.maxBytes) }
  }
}
