// BBB's shared-secret security model: checksum = hex(hash(callName + queryString + secret)), computed over the
// very query string that is sent. Hashing a re-encoded copy would break on names with spaces or accents.
import { createHash } from "node:crypto"

import type { ChecksumAlgorithm } from "./schemas"

export type QueryParams = Record<string, string | number | boolean | null | undefined>

export function computeChecksum(input: { callName: string; queryString: string; secret: string; algorithm: ChecksumAlgorithm }): string {
  return createHash(input.algorithm).update(input.callName + input.queryString + input.secret, "utf8").digest("hex")
}

/** Query string in insertion order (URLSearchParams encoding); null/undefined values are left out. */
export function buildQueryString(params: QueryParams): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    search.append(key, String(value))
  }
  return search.toString()
}

/** `queryString&checksum=...`, ready to append to `<api base>/<callName>?`. */
export function signQuery(input: { callName: string; params: QueryParams; secret: string; algorithm: ChecksumAlgorithm }): string {
  const queryString = buildQueryString(input.params)
  const checksum = computeChecksum({ callName: input.callName, queryString, secret: input.secret, algorithm: input.algorithm })
  return queryString ? `${queryString}&checksum=${checksum}` : `checksum=${checksum}`
}

/**
 * The API base, always ending in `/bigbluebutton/api/`. Accepts the server root (`https://bbb.example.org`,
 * with or without trailing slash), the `bbb-conf --secret` form (`.../bigbluebutton/`) or the API URL itself.
 */
export function resolveApiBaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl)
  let path = url.pathname.replace(/\/+$/, "")
  if (/\/bigbluebutton\/api$/i.test(path)) {
    // already the API URL
  } else if (/\/bigbluebutton$/i.test(path)) {
    path += "/api"
  } else {
    path += "/bigbluebutton/api"
  }
  return `${url.origin}${path}/`
}

/** Length of a hex digest, which lets a server tell which algorithm a client used. */
export const CHECKSUM_HEX_LENGTH: Record<ChecksumAlgorithm, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 }
