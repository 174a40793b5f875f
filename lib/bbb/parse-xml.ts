// fast-xml-parser set up for BBB answers, plus the envelope rules shared by every call: a document must be a
// well-formed <response>; returncode FAILED becomes a BbbError carrying its messageKey (never its wording,
// which differs between BBB versions and Scalelite); SUCCESS may still carry an informative messageKey.
import { XMLParser } from "fast-xml-parser"
import type { z } from "zod"

import { BbbError } from "./errors"
import { type BbbXmlScan, type XmlChunkSpec, decodeXmlEntities, scanBbbXml } from "./scan-xml"
import { ESCAPED_KEY_PREFIX } from "./schemas"

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"])

// Entities: XML's five and numeric references, decoded in text; CDATA is left verbatim. Entities declared in
// a DOCTYPE are ignored (BBB never declares any), which also rules out entity-expansion attacks.
const entityDecoder = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: decodeXmlEntities,
}

/** A parser whose `isArray` turns exactly these element paths (dot-separated from the root) into arrays. */
export function createBbbXmlParser(arrayPaths: readonly string[]): XMLParser {
  const lists = new Set(arrayPaths)
  const listNames = new Set(arrayPaths.map((path) => path.slice(path.lastIndexOf(".") + 1)))
  return new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    entityDecoder,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Metadata keys come from whoever created the meeting: keep dangerous ones as harmless escaped keys.
    transformTagName: (name) => (UNSAFE_KEYS.has(name) ? ESCAPED_KEY_PREFIX + name : name),
    onDangerousProperty: (name) => ESCAPED_KEY_PREFIX + name,
    // jPath: false hands callbacks a live path matcher instead of building a path string for every
    // element (~15% of the parse time on a big getMeetings); the path is only built for list names.
    jPath: false,
    isArray: (name, path) => listNames.has(name) && lists.has(path.toString()),
  })
}

/** Throws the FAILED error of a scanned answer, or a schema error when returncode is missing. */
export function assertSuccess(scan: BbbXmlScan, callName: string): void {
  const returncode = scan.returncode?.toUpperCase()
  if (returncode === "SUCCESS") return
  if (returncode === "FAILED") {
    throw new BbbError({
      kind: "FAILED",
      callName,
      messageKey: scan.messageKey,
      message: `FAILED ${scan.messageKey ?? "(no messageKey)"}${scan.message ? ` ("${scan.message}")` : ""}`,
      details: scan.message ? { bbbMessage: scan.message } : undefined,
    })
  }
  throw new BbbError({
    kind: "SCHEMA_MISMATCH",
    callName,
    message: scan.returncode === null ? "the answer has no returncode" : `unknown returncode "${scan.returncode}"`,
  })
}

/** Checks the envelope, then returns the scan (for messageKey) and the parsed `<response>` object. */
export function readBbbResponse(
  body: string,
  callName: string,
  parser: XMLParser,
  chunkSpec?: XmlChunkSpec,
): { scan: BbbXmlScan; response: Record<string, unknown> } {
  const scan = scanBbbXml(body, callName, chunkSpec)
  assertSuccess(scan, callName)
  let document: unknown
  try {
    document = parser.parse(body)
  } catch (error) {
    throw new BbbError({ kind: "MALFORMED_XML", callName, message: `unreadable XML: ${(error as Error).message}`, cause: error })
  }
  const response = (document as { response?: unknown }).response
  return { scan, response: isRecord(response) ? response : {} }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** zod parse that fails as a SCHEMA_MISMATCH naming the first problems (paths and messages, no values). */
export function parseWithSchema<T extends z.ZodType>(
  schema: T,
  value: unknown,
  context: { callName: string; what: string; details?: Record<string, unknown> },
): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
  throw new BbbError({
    kind: "SCHEMA_MISMATCH",
    callName: context.callName,
    message: `unexpected ${context.what}: ${issues.join("; ")}`,
    details: { ...context.details, issues },
    cause: result.error,
  })
}
