// XML the way BBB's FreeMarker templates print it (auto-escaped, compact), for the simulator's answers.

// Characters XML 1.0 forbids; BBB refuses them in parameters, the simulator drops them.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" }

export function escapeXml(value: string | number | boolean): string {
  return String(value)
    .replace(FORBIDDEN, "")
    .replace(/[&<>"']/g, (char) => ESCAPES[char] as string)
}

/** `<name>escaped value</name>` */
export function element(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(value)}</${name}>`
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/** Java's Date.toString() in UTC, as BBB prints createDate: "Tue Jul 10 16:47:38 UTC 2018". */
export function javaDate(epochMs: number): string {
  const date = new Date(epochMs)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
}

export function xmlResponse(inner: string): string {
  return `<response><returncode>SUCCESS</returncode>${inner}</response>`
}

export function failedResponse(messageKey: string, message: string): string {
  return `<response><returncode>FAILED</returncode>${element("messageKey", messageKey)}${element("message", message)}</response>`
}

export function metadataXml(tag: string, metadata: Record<string, string>): string {
  const entries = Object.entries(metadata)
  if (entries.length === 0) return `<${tag}/>`
  return `<${tag}>${entries.map(([key, value]) => element(key, value)).join("")}</${tag}>`
}
