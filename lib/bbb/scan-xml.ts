// A cheap, allocation-light pass over a BBB answer (one indexOf per tag, no tree): it checks that the document
// is one well-formed `<response>` element (every tag closed in order, nothing truncated), reads returncode /
// messageKey / message, and can cut out the raw bytes of repeated elements such as getMeetings' `<meeting>`.
// It reads UTF-8 bytes as they arrive (XmlStreamScanner.push, one network chunk at a time) and never decodes
// what it does not return: tag names are compared as numbers, so a 100 MB getMeetings answer costs a few
// indexOf calls per tag and no string per tag. Only the small envelope fields, the chunk keys and the chunks
// a caller asks for become strings.
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

/**
 * Called with each chunk element as soon as its closing tag is read: its key (null when absent) and its
 * bytes, in one or more pieces (views of the network buffers, valid during the call only: copy what you keep).
 */
export type ChunkSink = (key: string | null, pieces: readonly Uint8Array[]) => void

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
/** A tag, an envelope field or a chunk key longer than this is not a BBB answer (and would be held in memory). */
const MAX_PENDING_BYTES = 1 << 20

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


/** Tag names are compared by this number (a 31-multiplier hash of the bytes, mixed with the length). */
function nameId(bytes: Uint8Array, from: number, to: number): number {
  let h = 0
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + bytes[i]!) | 0
  return (Math.imul(h, 64) + (to - from)) | 0
}

const idOf = (name: string) => {
  const bytes = Buffer.from(name, "utf8")
  return nameId(bytes, 0, bytes.length)
}
const ROOT_ID = idOf(ROOT)
const ENVELOPE_IDS = new Map([...ENVELOPE_FIELDS].map((name) => [idOf(name), name]))

const CDATA_OPEN = Buffer.from("<![CDATA[")
const CDATA_CLOSE = Buffer.from("]]>")
const COMMENT_OPEN = Buffer.from("<!--")
const COMMENT_CLOSE = Buffer.from("-->")
const PI_CLOSE = Buffer.from("?>")

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(bytes[i]!)) return false
  return true
}

function isNameEnd(c: number | undefined): boolean {
  return c === undefined || isSpace(c) || c === SLASH || c === GT
}

function startsWithAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at + pattern.length > bytes.length) return false
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false
  return true
}

/** Whether `bytes` from `at` could still become `pattern` once more bytes arrive. */
function couldStartWith(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  const n = Math.min(pattern.length, bytes.length - at)
  for (let i = 0; i < n; i++) if (bytes[at + i] !== pattern[i]) return false
  return true
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** UTF-8 text of a byte range, or of pieces. */
export function decodeUtf8(pieces: readonly Uint8Array[]): string {
  if (pieces.length === 1) return asBuffer(pieces[0]!).toString("utf8")
  return Buffer.concat(pieces).toString("utf8")
}

const INCOMPLETE = -2

/** An indexOf result: not found yet (INCOMPLETE) while more bytes may come, not found at all (-1) at the end. */
function found(final: boolean, at: number): number {
  return at === -1 && !final ? INCOMPLETE : at
}

/**
 * The scan, fed with bytes as they arrive: push() each piece of the body, then end() for the result.
 * Errors (BbbError MALFORMED_XML / NOT_XML) are thrown by push() as soon as they are seen, or by end().
 */
export class XmlStreamScanner {
  private window: Buffer = Buffer.alloc(0)
  /** Absolute offset of window[0] in the body (for error offsets). */
  private base = 0
  private readonly stack: number[] = []
  private readonly names = new Map<number, string>()
  private readonly fields = new Map<string, string>()
  private rootSeen = false
  private rootClosed = false
  private bomChecked = false
  private fieldName: string | null = null
  private fieldId = 0
  private fieldStart = -1
  private readonly chunkDepth: number
  private readonly containerIds: number[]
  private readonly elementId: number
  private readonly keyId: number
  private hasContainer = false
  private chunkStart = -1
  private pieces: Uint8Array[] = []
  private keyStart = -1
  private key: string | null = null

  constructor(
    private readonly callName: string,
    private readonly chunkSpec?: XmlChunkSpec,
    private readonly onChunk?: ChunkSink,
  ) {
    this.chunkDepth = chunkSpec ? chunkSpec.containerPath.length : -1
    this.containerIds = chunkSpec ? chunkSpec.containerPath.map(idOf) : []
    this.elementId = chunkSpec ? idOf(chunkSpec.element) : 0
    this.keyId = chunkSpec ? idOf(chunkSpec.keyElement) : 0
  }

  /** Total bytes read so far. */
  get bytesRead(): number {
    return this.base + this.window.length
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.window = this.window.length === 0 ? asBuffer(bytes) : Buffer.concat([this.window, bytes])
    this.run(false)
  }

  end(): BbbXmlScan {
    this.run(true)
    if (!this.rootSeen) throw this.notXml(this.bytesRead === 0 ? "empty body" : "the body is not XML")
    if (this.stack.length > 0) {
      throw this.malformed(`truncated: <${this.nameOf(this.stack[this.stack.length - 1]!)}> is never closed`, this.window.length)
    }
    return {
      returncode: this.fields.get("returncode") ?? null,
      messageKey: this.fields.get("messageKey") || null,
      message: this.fields.get("message") || null,
      hasContainer: this.hasContainer,
      chunks: [],
    }
  }

  private nameOf(id: number): string {
    return this.names.get(id) ?? "?"
  }

  private malformed(message: string, at: number): BbbError {
    const w = this.window
    const near = redactChecksums(w.toString("utf8", Math.max(0, at - 40), Math.min(w.length, at + 40)))
    return new BbbError({ kind: "MALFORMED_XML", callName: this.callName, message, details: { offset: this.base + at, near, length: this.bytesRead } })
  }

  private notXml(message: string): BbbError {
    const start = redactChecksums(this.window.toString("utf8", 0, Math.min(this.window.length, 120)))
    return new BbbError({ kind: "NOT_XML", callName: this.callName, message, details: { start, length: this.bytesRead } })
  }

  /** Scans the window; keeps what an incomplete construct needs for the next push. */
  private run(final: boolean): void {
    let b = this.window
    if (!this.bomChecked) {
      if (b.length < 3 && !final) return
      this.bomChecked = true
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        this.base += 3
        b = this.window = b.subarray(3)
      }
    }
    const stop = this.scan(b, final)
    // Keep from the first byte still needed: an incomplete construct, an open envelope field or key.
    let keep = stop
    if (this.fieldStart >= 0) keep = Math.min(keep, this.fieldStart)
    if (this.keyStart >= 0) keep = Math.min(keep, this.keyStart)
    if (b.length - keep > MAX_PENDING_BYTES) throw this.malformed("a tag or a field longer than 1 MB", keep)
    if (this.chunkStart >= 0 && keep > this.chunkStart) {
      this.pieces.push(b.subarray(this.chunkStart, keep))
      this.chunkStart = 0
    } else if (this.chunkStart >= 0) this.chunkStart -= keep
    if (this.fieldStart >= 0) this.fieldStart -= keep
    if (this.keyStart >= 0) this.keyStart -= keep
    this.base += keep
    this.window = keep === b.length ? Buffer.alloc(0) : b.subarray(keep)
  }

  /** Returns the offset where scanning stopped (b.length when everything was read). */
  private scan(b: Buffer, final: boolean): number {
    const length = b.length
    const stack = this.stack
    const spec = this.chunkSpec
    let pos = 0
    for (;;) {
      const lt = b.indexOf(LT, pos)
      const textEnd = lt === -1 ? length : lt
      if (stack.length === 0 && textEnd > pos && !isBlank(b, pos, textEnd)) {
        if (!this.rootSeen) throw this.notXml("the body is not XML")
        throw this.malformed("text after the root element", pos)
      }
      if (lt === -1) return length
      if (lt + 1 >= length) {
        if (final) throw this.rootSeen ? this.malformed("truncated after '<'", lt) : this.notXml("the body is not XML")
        return lt
      }
      const next = b[lt + 1]

      if (next === SLASH) {
        const gt = found(final, b.indexOf(GT, lt + 2))
        if (gt === INCOMPLETE) return lt
        if (gt === -1) throw this.malformed("truncated inside a closing tag", lt)
        const open = stack.pop()
        if (open === undefined) throw this.malformed("closing tag without an opening tag", lt)
        let nameEnd = lt + 2
        while (nameEnd < gt && !isNameEnd(b[nameEnd])) nameEnd++
        if (nameId(b, lt + 2, nameEnd) !== open || !isBlank(b, nameEnd, gt)) {
          throw this.malformed(`tags do not balance: expected </${this.nameOf(open)}>, found </${b.toString("utf8", lt + 2, gt).trim()}>`, lt)
        }
        const depth = stack.length
        if (depth === 1 && this.fieldName !== null && this.fieldId === open) {
          this.fields.set(this.fieldName, decodeXmlText(b.toString("utf8", this.fieldStart, lt)))
          this.fieldName = null
          this.fieldStart = -1
        }
        if (spec && this.chunkStart >= 0) {
          if (depth === this.chunkDepth + 1 && this.keyStart >= 0 && open === this.keyId) {
            this.key = decodeXmlText(b.toString("utf8", this.keyStart, lt))
            this.keyStart = -1
          } else if (depth === this.chunkDepth && open === this.elementId) {
            this.pieces.push(b.subarray(this.chunkStart, gt + 1))
            this.emit()
          }
        }
        if (depth === 0) this.rootClosed = true
        pos = gt + 1
        continue
      }

      if (next === BANG) {
        if (couldStartWith(b, CDATA_OPEN, lt) && (final || lt + CDATA_OPEN.length <= length)) {
          if (!startsWithAt(b, CDATA_OPEN, lt)) throw this.malformed("truncated inside a declaration", lt)
          if (stack.length === 0) throw this.rootSeen ? this.malformed("CDATA outside the root element", lt) : this.notXml("the body is not XML")
          const close = found(final, b.indexOf(CDATA_CLOSE, lt + 9))
          if (close === INCOMPLETE) return lt
          if (close === -1) throw this.malformed("truncated inside a CDATA section", lt)
          pos = close + 3
          continue
        }
        if (couldStartWith(b, COMMENT_OPEN, lt) && (final || lt + COMMENT_OPEN.length <= length)) {
          if (!startsWithAt(b, COMMENT_OPEN, lt)) throw this.malformed("truncated inside a declaration", lt)
          const close = found(final, b.indexOf(COMMENT_CLOSE, lt + 4))
          if (close === INCOMPLETE) return lt
          if (close === -1) throw this.malformed("truncated inside a comment", lt)
          pos = close + 3
          continue
        }
        if (!final && (couldStartWith(b, CDATA_OPEN, lt) || couldStartWith(b, COMMENT_OPEN, lt))) return lt
        // <!DOCTYPE ...>: BBB never sends one; an HTML error page does.
        if (!this.rootSeen) throw this.notXml("a document type declaration instead of a BBB answer (an HTML page?)")
        throw this.malformed("unexpected declaration", lt)
      }

      if (next === QUESTION) {
        const close = found(final, b.indexOf(PI_CLOSE, lt + 2))
        if (close === INCOMPLETE) return lt
        if (close === -1) throw this.rootSeen ? this.malformed("truncated inside a processing instruction", lt) : this.notXml("the body is not XML")
        pos = close + 2
        continue
      }

      // opening or self-closing tag
      let nameEnd = lt + 1
      while (nameEnd < length && !isNameEnd(b[nameEnd]) && b[nameEnd] !== LT) nameEnd++
      if (nameEnd === length && !final) return lt
      if (nameEnd === lt + 1) {
        if (!this.rootSeen) throw this.notXml("the body is not XML")
        throw this.malformed("'<' that starts no tag (unescaped text?)", lt)
      }
      let gt = -1
      let quote = 0
      for (let i = nameEnd; i < length; i++) {
        const c = b[i]!
        if (quote !== 0) {
          if (c === quote) quote = 0
        } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
          quote = c
        } else if (c === GT) {
          gt = i
          break
        } else if (c === LT) {
          throw this.malformed("'<' inside a tag", i)
        }
      }
      if (gt === -1 && !final) return lt
      const id = nameId(b, lt + 1, nameEnd)
      if (!this.names.has(id)) this.names.set(id, b.toString("utf8", lt + 1, nameEnd))
      if (gt === -1) throw this.rootSeen ? this.malformed(`truncated inside <${this.nameOf(id)}>`, lt) : this.notXml("the body is not XML")
      const selfClosing = b[gt - 1] === SLASH
      const depth = stack.length

      if (depth === 0) {
        if (this.rootClosed) throw this.malformed("a second root element", lt)
        if (id !== ROOT_ID) throw this.notXml(`root element <${this.nameOf(id)}> instead of <${ROOT}>`)
        this.rootSeen = true
        if (selfClosing) this.rootClosed = true
      } else if (depth === 1 && !selfClosing && this.fieldName === null) {
        const field = ENVELOPE_IDS.get(id)
        if (field !== undefined && !this.fields.has(field)) {
          this.fieldName = field
          this.fieldId = id
          this.fieldStart = gt + 1
        }
      }

      if (spec) {
        if (depth === this.chunkDepth - 1 && id === this.containerIds[depth] && this.pathMatches(depth)) {
          this.hasContainer = true
        } else if (depth === this.chunkDepth && id === this.elementId && this.pathMatches(depth)) {
          this.key = null
          if (selfClosing) {
            this.pieces.push(b.subarray(lt, gt + 1))
            this.emit()
          } else this.chunkStart = lt
        } else if (depth === this.chunkDepth + 1 && this.chunkStart >= 0 && !selfClosing && this.key === null && this.keyStart < 0 && id === this.keyId) {
          this.keyStart = gt + 1
        }
      }

      if (!selfClosing) stack.push(id)
      pos = gt + 1
    }
  }

  private emit(): void {
    const pieces = this.pieces
    const key = this.key
    this.pieces = []
    this.chunkStart = -1
    this.key = null
    this.onChunk?.(key, pieces)
  }

  private pathMatches(depth: number): boolean {
    for (let i = 0; i < depth; i++) if (this.stack[i] !== this.containerIds[i]) return false
    return true
  }
}

/** The whole-body scan: the same checks on a body already read, with the chunks as strings. */
export function scanBbbXml(body: string | Uint8Array, callName: string, chunkSpec?: XmlChunkSpec): BbbXmlScan {
  const chunks: ScannedChunk[] = []
  const scanner = new XmlStreamScanner(callName, chunkSpec, (key, pieces) => chunks.push({ key, xml: decodeUtf8(pieces) }))
  scanner.push(typeof body === "string" ? Buffer.from(body, "utf8") : body)
  return { ...scanner.end(), chunks }
}
