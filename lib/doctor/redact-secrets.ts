// The doctor prints what it saw, and what it saw may quote a setting: every secret value of the
// settings source is replaced by *** in its output. Secrets are the values of the settings whose
// name says SECRET, PASSWORD or TOKEN, the passwords inside URLs (DATABASE_URL, REDIS_URL, SMTP_URL,
// DB_PARAMS…) and the secrets of BBB_WEBHOOKS_SERVERS entries (`<url>|<secret>`).
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PASSPHRASE|PRIVATE_KEY/i
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@"]*:([^@\s/"]+)@/gi

export function secretValues(source: Record<string, string | undefined>): string[] {
  const found = new Set<string>()
  for (const [name, value] of Object.entries(source)) {
    if (!value) continue
    if (SECRET_NAME.test(name)) found.add(value.trim())
    for (const match of value.matchAll(URL_PASSWORD)) found.add(match[1]!)
    if (name === "BBB_WEBHOOKS_SERVERS") for (const entry of value.split(",")) found.add(entry.split("|")[1]?.trim() ?? "")
  }
  const variants = new Set<string>()
  for (const secret of found) {
    if (secret.length < 3) continue
    variants.add(secret)
    variants.add(encodeURIComponent(secret))
    try {
      variants.add(decodeURIComponent(secret))
    } catch {
      // not percent-encoded
    }
  }
  // Longest first: a secret containing another is replaced whole.
  return [...variants].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)
}

export function redactSecrets(text: string, secrets: string[]): string {
  let out = text
  for (const secret of secrets) out = out.split(secret).join("***")
  return out
}
