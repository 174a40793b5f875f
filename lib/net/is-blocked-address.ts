// The address rule of the guarded fetch (guarded-fetch.ts): a URL a user typed may only reach public
// addresses. Loopback, private, link-local, unique-local, CGNAT, multicast, reserved and documentation
// ranges are refused, in IPv4 and IPv6, including IPv6 forms that embed an IPv4 address
// (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96 NAT64, 2002::/16 6to4).
import { isIPv4, isIPv6 } from "node:net"

type Range = readonly [prefix: number[], bits: number]

const BLOCKED_V4: Range[] = [
  [[0, 0, 0, 0], 8], // "this" network, 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // CGNAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local (cloud metadata)
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, 255.255.255.255 broadcast
]

const BLOCKED_V6: Range[] = [
  [[0x00, 0x00], 96], // ::/96: the unspecified address (::1 and ::a.b.c.d are read as IPv4 first)
  [[0x01, 0x00], 64], // 100::/64 discard
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // 64:ff9b:1::/48 local-use NAT64
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0xfc], 7], // unique-local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local (deprecated)
  [[0xff], 8], // multicast
]

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = Math.floor(bit / 8)
    const mask = 0x80 >> bit % 8
    if ((bytes[byte]! & mask) !== ((prefix[byte] ?? 0) & mask)) return false
  }
  return true
}

function v4Bytes(address: string): number[] {
  return address.split(".").map(Number)
}

/** The 16 bytes of an IPv6 address (zone id dropped, trailing dotted IPv4 allowed). */
export function ipv6Bytes(address: string): number[] {
  const plain = address.replace(/%.*$/, "").toLowerCase()
  let groups: string[]
  const tail: number[] = []
  let text = plain
  const lastColon = text.lastIndexOf(":")
  if (text.slice(lastColon + 1).includes(".")) {
    tail.push(...v4Bytes(text.slice(lastColon + 1)))
    text = `${text.slice(0, lastColon + 1)}0:0`
  }
  if (text.includes("::")) {
    const [head, rest] = text.split("::") as [string, string]
    const headGroups = head ? head.split(":") : []
    const restGroups = rest ? rest.split(":") : []
    groups = [...headGroups, ...Array<string>(8 - headGroups.length - restGroups.length).fill("0"), ...restGroups]
  } else {
    groups = text.split(":")
  }
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
  if (tail.length) bytes.splice(12, 4, ...tail)
  return bytes
}

function isBlockedV4(bytes: number[]): boolean {
  return BLOCKED_V4.some((range) => inRange(bytes, range))
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), or null. */
function embeddedV4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0)
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12) // ::ffff:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16)) return bytes.slice(12) // ::a.b.c.d (deprecated compatible form)
  if (inRange(bytes, [[0x00, 0x64, 0xff, 0x9b], 96])) return bytes.slice(12) // 64:ff9b::/96 NAT64
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6) // 2002::/16 6to4
  return null
}

/** True when a URL a user typed must not reach this address (or when it is not an IP address at all). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "")
  if (isIPv4(bare)) return isBlockedV4(v4Bytes(bare))
  if (!isIPv6(bare)) return true
  const bytes = ipv6Bytes(bare)
  const v4 = embeddedV4(bytes)
  if (v4) return isBlockedV4(v4)
  return BLOCKED_V6.some((range) => inRange(bytes, range))
}
