// bbb-webhooks signs each callback: `checksum = sha1(callbackURL + rawBody + secret)`, appended to the
// callback URL (see docs/streamer.md). A callback whose checksum matches no configured server's secret
// is refused before anything in it is trusted.
import { createHash, timingSafeEqual } from "node:crypto"

export function webhookChecksum(input: { callbackUrl: string; rawBody: string; secret: string }): string {
  return createHash("sha1").update(input.callbackUrl + input.rawBody + input.secret, "utf8").digest("hex")
}

export function isWebhookChecksumValid(input: { callbackUrl: string; rawBody: string; checksum: string | null; secrets: string[] }): boolean {
  const given = (input.checksum ?? "").toLowerCase()
  if (!/^[0-9a-f]{40}$/.test(given)) return false
  let valid = false
  for (const secret of input.secrets) {
    const expected = webhookChecksum({ callbackUrl: input.callbackUrl, rawBody: input.rawBody, secret })
    // every secret is compared (no early exit), each in constant time
    if (timingSafeEqual(Buffer.from(given), Buffer.from(expected))) valid = true
  }
  return valid
}
