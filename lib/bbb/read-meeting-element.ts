// A fast reader for one `<meeting>` element of getMeetings, producing exactly the object
// fast-xml-parser produces with our options (createBbbXmlParser): leaves as trimmed text with
// entities decoded and CDATA verbatim, repeated elements as arrays, list paths always arrays.
// It handles only the plain subset BBB writes (elements, text, CDATA): anything else — attributes,
// comments, processing instructions, mixed content, unsafe keys, unbalanced tags — returns null
// and the caller falls back to fast-xml-parser, so correctness never depends on this reader.
// Why: fast-xml-parser spends ~2 s on 1,000 meetings x 50 attendees; this reads them in a fraction.
import { decodeXmlEntities } from "./scan-xml"

const NAME = /^[A-Za-z_][\w.-]*$/
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"])

type Tag = { name: string; closing: boolean; selfClosing: boolean }
/** Tags seen so far (BBB repeats a few dozen), so each distinct tag text is checked once. */
const TAGS = new Map<string, Tag | null>()

function readTag(inner: string): Tag | null {
  let tag = TAGS.get(inner)
  if (tag !== undefined) return tag
  const closing = inner.startsWith("/")
  const selfClosing = !closing && inner.endsWith("/")
  const name = inner.slice(closing ? 1 : 0, selfClosing ? -1 : undefined).trimEnd()
  tag = NAME.test(name) && !UNSAFE_KEYS.has(name) ? { name, closing, selfClosing } : null
  if (TAGS.size < 10_000) TAGS.set(inner, tag)
  return tag
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false
  }
  return true
}

type Frame = { name: string; object: Record<string, unknown> | null; text: string }

function addChild(parent: Frame, name: string, value: unknown, isList: boolean): void {
  parent.object ??= {}
  const existing = parent.object[name]
  if (isList) {
    if (existing === undefined) parent.object[name] = [value]
    else (existing as unknown[]).push(value)
  } else if (existing === undefined) parent.object[name] = value
  else if (Array.isArray(existing)) existing.push(value)
  else parent.object[name] = [existing, value]
}

/**
 * Reads `xml` (one element, e.g. `<meeting>…</meeting>`) into the object fast-xml-parser would give
 * for it, or null when the element is outside the plain subset or not named `rootName`. `listPaths`
 * are dot paths from this element (e.g. "meeting.attendees.attendee") that are always arrays.
 */
export function readPlainElement(xml: string, listPaths: ReadonlySet<string>, rootName: string): unknown {
  // Paths are only built for elements that could be lists (their last name matches).
  const listNames = new Set([...listPaths].map((p) => p.slice(p.lastIndexOf(".") + 1)))
  const root: Frame = { name: "", object: null, text: "" }
  const stack: Frame[] = [root]
  const isList = (name: string) =>
    listNames.has(name) && listPaths.has(`${stack.slice(1).map((f) => f.name).join(".")}.${name}`)
  let pos = 0
  while (pos < xml.length) {
    const top = stack[stack.length - 1]!
    const lt = xml.indexOf("<", pos)
    const textEnd = lt === -1 ? xml.length : lt
    if (textEnd > pos) {
      // Text: whitespace between elements is dropped; text beside child elements is mixed content.
      if (top.object || stack.length === 1) {
        if (!isBlank(xml, pos, textEnd)) return null
      } else top.text += decodeXmlEntities(xml.slice(pos, textEnd))
    }
    if (lt === -1) break
    if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9)
      if (close === -1 || top.object || stack.length === 1) return null
      top.text += xml.slice(lt + 9, close)
      pos = close + 3
      continue
    }
    const gt = xml.indexOf(">", lt + 1)
    if (gt === -1) return null
    const tag = readTag(xml.slice(lt + 1, gt)) // attributes, comments, PIs, declarations → null
    if (!tag) return null
    pos = gt + 1
    if (tag.closing) {
      if (top.name !== tag.name || stack.length === 1) return null
      stack.pop()
      const value = top.object ?? top.text.trim()
      addChild(stack[stack.length - 1]!, tag.name, value, isList(tag.name))
    } else if (tag.selfClosing) {
      if (stack.length > 1 && top.text.trim() !== "") return null
      addChild(top, tag.name, "", isList(tag.name))
    } else {
      if (stack.length > 1 && top.object === null && top.text.trim() !== "") return null // text before a child
      stack.push({ name: tag.name, object: null, text: "" })
    }
  }
  if (stack.length !== 1 || !root.object) return null
  const keys = Object.keys(root.object)
  return keys.length === 1 && keys[0] === rootName && !Array.isArray(root.object[rootName]) ? root.object[rootName] : null
}
