// A cheap, allocation-light pass over a BBB answer (one indexOf per tag, no tree): it checks that the document
// is one well-formed `<response>` element (every tag closed in order, nothing truncated), reads returncode /
// messageKey / message, and can cut out the raw bytes of repeated elements such as getMeetings' `<meeting>`.
// fast-xml-parser silently accepts truncated or unbalanced input, so this pass is what guarantees that a broken
// answer becomes an error instead of "fewer meetings". It does not validate names, attributes or entities.
import { BbbError, redactChecksums } from "./errors"

export type XmlChunkSpec = {
  /** Element names from the root down to the container, e.g. ["response", "meetings"]. */
  containerPath: readonly string[]
  /** Repeated child of the container whose raw XML is wanted, e.g. "meeting". */
  element: string
  /** Direct child of each chunk whose text is returned as its key, e.g. "internalMeetingID". */
  keyElement: string
}

export type ScannedChunk = { xml: string; key: string | null }

export type BbbXmlScan = {
  returncode: string | null
  messageKey: string | null
  message: string | null
  /** Whether the chunk container element (e.g. `<meetings>`, even self-closing) is present. */
  hasContainer: boolean
  chunks: ScannedChunk[]
}

const ROOT = "response"
const ENVELOPE_FIELDS = new Set(["returncode", "messageKey", "message"])
const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QUESTION = 63
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39

/** Decodes XML's five named entities and numeric character references; anything else is left as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (match, entity: string) => {
    switch (entity) {
      case "amp":
        return "&"
      case "lt":
        return "<"
      case "gt":
        return ">"
      case "quot":
        return '"'
      case "apos":
        return "'"
    }
    const codePoint = entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10)
    return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : match
  })
}

/** Text content as the parser reads it: entities decoded outside CDATA, CDATA kept verbatim, then trimmed. */
export function decodeXmlText(raw: string): string {
  let out = ""
  let pos = 0
  for (;;) {
    const start = raw.indexOf("<![CDATA[", pos)
    if (start === -1) {
      out += decodeXmlEntities(raw.slice(pos))
      break
    }
    out += decodeXmlEntities(raw.slice(pos, start))
    const end = raw.indexOf("]]>", start + 9)
    if (end === -1) {
      out += raw.slice(start + 9)
      break
    }
    out += raw.slice(start + 9, end)
    pos = end + 3
  }
  return out.trim()
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) return false
  }
  return true
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === SLASH || c === GT || Number.isNaN(c)
}

function excerpt(body: string, at: number): string {
  return redactChecksums(body.slice(Math.max(0, at - 40), at + 40))
}

export function scanBbbXml(body: string, callName: string, chunkSpec?: XmlChunkSpec): BbbXmlScan {
  const malformed = (message: string, at: number) =>
    new BbbError({ kind: "MALFORMED_XML", callName, message, details: { offset: at, near: excerpt(body, at), length: body.length } })
  const notXml = (message: string) =>
    new BbbError({ kind: "NOT_XML", callName, message, details: { start: redactChecksums(body.slice(0, 120)), length: body.length } })

  const length = body.length
  const stack: string[] = []
  const fields = new Map<string, string>()
  const chunks: ScannedChunk[] = []
  let rootSeen = false
  let rootClosed = false
  let fieldName: string | null = null
  let fieldStart = -1
  // chunk state: chunks open at stack depth `chunkDepth` (the container is at chunkDepth - 1)
  const chunkDepth = chunkSpec ? chunkSpec.containerPath.length : -1
  let hasContainer = false
  let chunkStart = -1
  let keyStart = -1
  let key: string | null = null
  let pos = 0

  for (;;) {
    const lt = body.indexOf("<", pos)
    const textEnd = lt === -1 ? length : lt
    if (stack.length === 0 && textEnd > pos && !isBlank(body, pos, textEnd)) {
      if (!rootSeen) throw notXml("the body is not XML")
      throw malformed("text after the root element", pos)
    }
    if (lt === -1) break
    const next = body.charCodeAt(lt + 1)

    if (next === SLASH) {
      const gt = body.indexOf(">", lt + 2)
      if (gt === -1) throw malformed("truncated inside a closing tag", lt)
      const open = stack.pop()
      if (open === undefined) throw malformed("closing tag without an opening tag", lt)
      const nameEnd = lt + 2 + open.length
      if (!body.startsWith(open, lt + 2) || !isNameEnd(body.charCodeAt(nameEnd)) || !isBlank(body, nameEnd, gt)) {
        throw malformed(`tags do not balance: expected </${open}>, found </${body.slice(lt + 2, gt).trim()}>`, lt)
      }
      const depth = stack.length
      if (depth === 1 && fieldName === open) {
        fields.set(open, decodeXmlText(body.slice(fieldStart, lt)))
        fieldName = null
      }
      if (chunkSpec && chunkStart >= 0) {
        if (depth === chunkDepth + 1 && keyStart >= 0 && open === chunkSpec.keyElement) {
          key = decodeXmlText(body.slice(keyStart, lt))
          keyStart = -1
        } else if (depth === chunkDepth && open === chunkSpec.element) {
          chunks.push({ xml: body.slice(chunkStart, gt + 1), key })
          chunkStart = -1
          key = null
        }
      }
      if (depth === 0) rootClosed = true
      pos = gt + 1
      continue
    }

    if (next === BANG) {
      if (body.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) throw rootSeen ? malformed("CDATA outside the root element", lt) : notXml("the body is not XML")
        const end = body.indexOf("]]>", lt + 9)
        if (end === -1) throw malformed("truncated inside a CDATA section", lt)
        pos = end + 3
        continue
      }
      if (body.startsWith("<!--", lt)) {
        const end = body.indexOf("-->", lt + 4)
        if (end === -1) throw malformed("truncated inside a comment", lt)
        pos = end + 3
        continue
      }
      // <!DOCTYPE ...>: BBB never sends one; an HTML error page does.
      if (!rootSeen) throw notXml("a document type declaration instead of a BBB answer (an HTML page?)")
      throw malformed("unexpected declaration", lt)
    }

    if (next === QUESTION) {
      const end = body.indexOf("?>", lt + 2)
      if (end === -1) throw rootSeen ? malformed("truncated inside a processing instruction", lt) : notXml("the body is not XML")
      pos = end + 2
      continue
    }

    // opening or self-closing tag
    let nameEnd = lt + 1
    while (nameEnd < length && !isNameEnd(body.charCodeAt(nameEnd)) && body.charCodeAt(nameEnd) !== LT) nameEnd++
    if (nameEnd === lt + 1) {
      if (!rootSeen) throw notXml("the body is not XML")
      throw malformed("'<' that starts no tag (unescaped text?)", lt)
    }
    let gt = -1
    let quote = 0
    for (let i = nameEnd; i < length; i++) {
      const c = body.charCodeAt(i)
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        quote = c
      } else if (c === GT) {
        gt = i
        break
      } else if (c === LT) {
        throw malformed("'<' inside a tag", i)
      }
    }
    const name = body.slice(lt + 1, nameEnd)
    if (gt === -1) throw rootSeen ? malformed(`truncated inside <${name}>`, lt) : notXml("the body is not XML")
    const selfClosing = body.charCodeAt(gt - 1) === SLASH
    const depth = stack.length

    if (depth === 0) {
      if (rootClosed) throw malformed("a second root element", lt)
      if (name !== ROOT) throw notXml(`root element <${name}> instead of <${ROOT}>`)
      rootSeen = true
      if (selfClosing) rootClosed = true
    } else if (depth === 1 && !selfClosing && fieldName === null && ENVELOPE_FIELDS.has(name) && !fields.has(name)) {
      fieldName = name
      fieldStart = gt + 1
    }

    if (chunkSpec) {
      if (depth === chunkDepth - 1 && name === chunkSpec.containerPath[depth] && pathMatches(stack, chunkSpec.containerPath, depth)) {
        hasContainer = true
      } else if (depth === chunkDepth && name === chunkSpec.element && pathMatches(stack, chunkSpec.containerPath, depth)) {
        if (selfClosing) chunks.push({ xml: body.slice(lt, gt + 1), key: null })
        else {
          chunkStart = lt
          key = null
        }
      } else if (depth === chunkDepth + 1 && chunkStart >= 0 && !selfClosing && key === null && keyStart < 0 && name === chunkSpec.keyElement) {
        keyStart = gt + 1
      }
    }

    if (!selfClosing) stack.push(name)
    pos = gt + 1
  }

  if (!rootSeen) throw notXml(length === 0 ? "empty body" : "the body is not XML")
  if (stack.length > 0) throw malformed(`truncated: <${stack[stack.length - 1]}> is never closed`, length)

  return {
    returncode: fields.get("returncode") ?? null,
    messageKey: fields.get("messageKey") || null,
    message: fields.get("message") || null,
    hasContainer,
    chunks,
  }
}

function pathMatches(stack: readonly string[], path: readonly string[], depth: number): boolean {
  for (let i = 0; i < depth; i++) if (stack[i] !== path[i]) return false
  return true
}
