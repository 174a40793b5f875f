// The address of the client behind a sign-in attempt. X-Forwarded-For is written by whoever sends the
// request, so it is read only through the reverse proxies listed in TRUSTED_PROXIES: starting from
// the TCP peer, each trusted hop hands over to the address it says it received the request from,
// and the first untrusted address is the client. With no trusted proxy, the peer is the client.
import { BlockList, isIP } from "node:net"

/**
 * Request header carrying the TCP peer address, written by our HTTP server (server.ts) for every
 * request over whatever the client sent (Next.js gives route handlers no access to the socket).
 */
export const PEER_ADDRESS_HEADER = "x-bbb-pod-live-peer"

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → undefined. */
export function normalizeIp(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim().replace(/^\[(.*)\]$/, "$1")
  if (!trimmed) return undefined
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  const address = mapped ? mapped[1]! : trimmed
  return isIP(address) ? address.toLowerCase() : undefined
}

export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, bits] = entry.split("/")
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4"
    if (bits === undefined) list.addAddress(address!, type)
    else list.addSubnet(address!, Number(bits), type)
  }
  return list
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")
}

/**
 * The client address of a request. `peer` is the TCP peer; `forwardedFor` the X-Forwarded-For header
 * as received. Next.js fills X-Forwarded-For with the peer when the request has none, so without a
 * peer the last hop of that header stands in for it. Returns "unknown" when nothing is usable.
 */
export function getClientIp(input: { peer?: string | null; forwardedFor?: string | null; trustedProxies: BlockList }): string {
  const hops = (input.forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean)
  let address = normalizeIp(input.peer) ?? normalizeIp(hops.pop())
  if (!address) return "unknown"
  while (isTrusted(input.trustedProxies, address) && hops.length > 0) {
    const previous = normalizeIp(hops.pop())
    if (!previous) break // a trusted proxy passed on garbage: keep the last address we can vouch for
    address = previous
  }
  return address
}

/**
 * The counter an address's sign-in failures go to: the address itself for IPv4, its /64 for IPv6
 * (one subscriber usually holds a whole /64, and could otherwise take a fresh address per guess).
 */
export function ipThrottlingKey(ip: string): string {
  if (isIP(ip) !== 6) return ip
  const [head = "", tail] = ip.split("::")
  const left = head ? head.split(":") : []
  const right = tail ? tail.split(":") : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, "").toLowerCase())
    .join(":")}::/64`
}
