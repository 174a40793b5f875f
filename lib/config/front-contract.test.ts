// The nginx front's template (deploy/nginx/bbb-pod-live.conf) against lib/config/front-contract.ts
// and the app's own rules: the template is parsed (directives, maps, locations), its regular
// expressions are run on the same inputs as the app's, and every name it shares with the app (paths,
// cookies, headers) must be the module's. tools/front/front.integration.test.ts runs the template
// under a real nginx; this test says which constant drifted.
import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { LOCALE_COOKIE } from "@/lib/i18n/locales"
import {
  CACHE_EXPIRES_HEADER,
  EVENTS_PATH,
  FORWARDED_FOR_HEADER,
  FORWARDED_HOST_HEADER,
  FORWARDED_PROTO_HEADER,
  LIVE_ACCESS_PATH,
  LIVE_AUDIENCE_HEADER,
  LIVE_EVENTS_PATH,
  LIVE_PAGE_PATH,
  liveAccessPath,
  liveEventsPath,
  MEMBERS_AUDIENCE,
  NEXT_STATIC_PREFIX,
  VIDEO_FILES_INTERNAL_PREFIX,
  VIDEO_FILES_ROOTS,
  RSC_HEADER,
  RSC_QUERY,
  SECURE_COOKIE_PREFIX,
  SESSION_COOKIE,
} from "@/lib/config/front-contract"
import { hasSessionCookie, isPublicPagePath, livePageSlug } from "@/lib/security/shared-cache"
import { FRONT_TEMPLATE, renderFrontSite } from "@/tools/front/server"

type Directive = { name: string; args: string[]; children: Directive[] | null; line: number }

/** nginx's configuration syntax, enough for our template: words, quoted strings (only \" \' \\ are escapes), `;`, blocks, `#` comments. */
function parseNginx(text: string): Directive[] {
  const tokens: { value: string; quoted: boolean; line: number }[] = []
  const tokenPattern = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#][^\s{};]*)|(\n)/g
  let line = 1
  for (const match of text.matchAll(tokenPattern)) {
    if (match[6]) line++
    else if (match[1] !== undefined || match[2] !== undefined) tokens.push({ value: (match[1] ?? match[2])!.replace(/\\(["'\\])/g, "$1"), quoted: true, line })
    else if (match[3] ?? match[4]) tokens.push({ value: (match[3] ?? match[4])!, quoted: false, line })
  }
  let at = 0
  function block(): Directive[] {
    const directives: Directive[] = []
    while (at < tokens.length && !(tokens[at]!.value === "}" && !tokens[at]!.quoted)) {
      const head = tokens[at++]!
      const args: string[] = []
      while (at < tokens.length && !(!tokens[at]!.quoted && (tokens[at]!.value === ";" || tokens[at]!.value === "{"))) args.push(tokens[at++]!.value)
      const end = tokens[at++]
      if (!end) throw new Error(`line ${head.line}: "${head.value}" is not ended`)
      if (end.value === "{") {
        const children = block()
        at++ // the closing brace
        directives.push({ name: head.value, args, children, line: head.line })
      } else directives.push({ name: head.value, args, children: null, line: head.line })
    }
    return directives
  }
  return block()
}

// The template as tools/front renders it (its placeholders filled in; `{{` would read as a block).
const config = parseNginx(
  renderFrontSite(readFileSync(FRONT_TEMPLATE, "utf8"), { listen: "8080", serverName: "localhost", appAddresses: ["127.0.0.1:3000"], cachePath: "/tmp/front-cache" }),
)
const server = config.find((d) => d.name === "server" && d.children)!.children!

/** The map that sets `variable`: its source and its entries (nginx order, default apart). */
function mapSetting(variable: string): { source: string; entries: [string, string][]; fallback: string } {
  const map = config.find((d) => d.name === "map" && d.args[1] === variable)
  if (!map) throw new Error(`the template has no map setting ${variable}`)
  const entries = map.children!.filter((d) => d.name !== "default" && d.name !== "volatile").map((d) => [d.name, d.args[0]!] as [string, string])
  return { source: map.args[0]!, entries, fallback: map.children!.find((d) => d.name === "default")?.args[0] ?? "" }
}

/** nginx's regex (`~` case-sensitive, `~*` not) as a JavaScript RegExp; our template's patterns are in their common subset. */
function nginxRegex(pattern: string): RegExp {
  if (pattern.startsWith("~*")) return new RegExp(pattern.slice(2), "i")
  if (pattern.startsWith("~")) return new RegExp(pattern.slice(1))
  throw new Error(`not a regex: ${pattern}`)
}

/** What a map evaluates to for `input`: the first matching entry, exact strings before regexes (nginx's order). */
function evaluateMap(variable: string, input: string): string {
  const { entries, fallback } = mapSetting(variable)
  const exact = entries.find(([key]) => !key.startsWith("~") && key === input)
  if (exact) return exact[1]
  for (const [key, value] of entries) {
    if (!key.startsWith("~")) continue
    const match = nginxRegex(key).exec(input)
    if (match) return value.replace(/\$(\w+)/g, (_, name: string) => match.groups?.[name] ?? "")
  }
  return fallback
}

function location(predicate: (args: string[]) => boolean): Directive {
  const found = server.find((d) => d.name === "location" && predicate(d.args))
  if (!found) throw new Error("no such location in the template")
  return found
}

function regexLocations(): { regex: RegExp; directive: Directive }[] {
  return server.filter((d) => d.name === "location" && d.args[0]!.startsWith("~")).map((d) => ({ regex: nginxRegex(`${d.args[0]}${d.args[1]}`), directive: d }))
}

/** The location nginx picks for a path (exact, then the first matching regex, then the longest prefix; no ^~ in our template). */
function locationFor(pathname: string): Directive {
  const exact = server.find((d) => d.name === "location" && d.args[0] === "=" && d.args[1] === pathname)
  if (exact) return exact
  const regex = regexLocations().find(({ regex }) => regex.test(pathname))
  if (regex) return regex.directive
  const prefixes = server.filter((d) => d.name === "location" && d.args.length === 1 && pathname.startsWith(d.args[0]!))
  return prefixes.sort((a, b) => b.args[0]!.length - a.args[0]!.length)[0]!
}

function directive(block: Directive, name: string): Directive | undefined {
  return block.children!.find((d) => d.name === name)
}

/** nginx's variable for a request or upstream header: lowercase, dashes as underscores. */
function headerVariable(prefix: "http" | "upstream_http", header: string): string {
  return `$${prefix}_${header.toLowerCase().replaceAll("-", "_")}`
}

const isStream = (d: Directive) => directive(d, "proxy_buffering")?.args[0] === "off"
const isMicroCached = (d: Directive) => directive(d, "proxy_cache")?.args[0] !== undefined && directive(d, "proxy_cache")!.args[0] !== "off"

describe("the nginx front's template against lib/config/front-contract.ts", () => {
  it("recognises the session cookie exactly as the app does (name, __Secure- prefix, chunks)", () => {
    const map = mapSetting("$bbb_pod_live_session")
    expect(map.source).toBe("$http_cookie")
    const names = [
      SESSION_COOKIE,
      `${SECURE_COOKIE_PREFIX}${SESSION_COOKIE}`,
      `${SESSION_COOKIE}.0`,
      `${SECURE_COOKIE_PREFIX}${SESSION_COOKIE}.12`,
      `${SESSION_COOKIE}-x`,
      `x${SESSION_COOKIE}`,
      `${SESSION_COOKIE}.x`,
      "next-auth.csrf-token",
      LOCALE_COOKIE,
    ]
    for (const name of names) {
      const expected = hasSessionCookie([name]) ? "1" : "0"
      for (const header of [`${name}=v`, `a=1; ${name}=v`, `a=1;${name}=v; b=2`]) expect(evaluateMap("$bbb_pod_live_session", header), header).toBe(expected)
    }
    // The sample covers both answers.
    expect(names.filter((name) => hasSessionCookie([name]))).toHaveLength(4)
  })

  it("keys the cache on the app's language cookie, read case-sensitively", () => {
    expect(mapSetting("$bbb_pod_live_locale_cookie").source).toBe("$http_cookie")
    expect(evaluateMap("$bbb_pod_live_locale_cookie", `${LOCALE_COOKIE}=en`)).toBe("en")
    expect(evaluateMap("$bbb_pod_live_locale_cookie", `a=1; ${LOCALE_COOKIE}=fr; b=2`)).toBe("fr")
    expect(evaluateMap("$bbb_pod_live_locale_cookie", `${LOCALE_COOKIE.toLowerCase()}=en`)).toBe("")
    const pages = location((args) => args[0] === "~" && new RegExp(args[1]!).test("/lives"))
    expect(directive(pages, "proxy_cache_key")!.args[0]).toContain("$bbb_pod_live_locale_cookie")
  })

  it("bypasses the App Router's client-side navigations by Next.js's header and query names", () => {
    expect(mapSetting("$bbb_pod_live_rsc").source).toBe(`${headerVariable("http", RSC_HEADER)}$arg_${RSC_QUERY}`)
  })

  it("micro-caches exactly the pages the app may mark shareable, with the slug the app reads", () => {
    const paths = ["/lives", "/lives/", "/lives/abc", "/lives/a%20b", "/lives/abc/", "/lives/abc/def", "/livesx", "/api/lives/abc", "/lives/abc/events", "/"]
    for (const pathname of paths) expect(isMicroCached(locationFor(pathname)), pathname).toBe(isPublicPagePath(pathname))
    expect(paths.filter(isPublicPagePath)).toHaveLength(3)
    for (const pathname of paths) {
      const raw = LIVE_PAGE_PATH.exec(pathname)?.[1] ?? ""
      expect(evaluateMap("$bbb_pod_live_page_slug", pathname), pathname).toBe(raw)
      expect(evaluateMap("$bbb_pod_live_page_slug", `${pathname}?x=1&y=/`), pathname).toBe(raw)
    }
    expect(livePageSlug("/lives/a%20b")).toBe("a b")
  })

  it("asks the app's access route and reads its audience header, sharing a copy on the app's members answer", () => {
    const pages = locationFor("/lives/abc")
    const subrequest = directive(pages, "auth_request")!.args[0]!
    expect(directive(pages, "auth_request_set")!.args).toEqual(["$bbb_pod_live_access_audience", headerVariable("upstream_http", LIVE_AUDIENCE_HEADER)])
    const access = location((args) => args[0] === "=" && args[1] === subrequest)
    const target = new URL(directive(access, "proxy_pass")!.args[0]!.replace("$bbb_pod_live_page_slug", "abc"))
    expect(target.pathname).toBe(liveAccessPath("abc"))
    expect(LIVE_ACCESS_PATH.exec(target.pathname)?.[1]).toBe("abc")
    // Only a signed-in visitor whose access answer is "members" shares a members' copy.
    expect(mapSetting("$bbb_pod_live_audience").source).toBe("$bbb_pod_live_session:$bbb_pod_live_access_audience")
    expect(evaluateMap("$bbb_pod_live_audience", `1:${MEMBERS_AUDIENCE}`)).toBe("members")
    for (const other of ["public", "none", ""]) expect(evaluateMap("$bbb_pod_live_audience", `1:${other}`)).toBe("")
  })

  it("stores only what the app marks with its expiry header", () => {
    const pages = locationFor("/lives/abc")
    expect(directive(pages, "proxy_cache_valid")).toBeUndefined()
    const ignored = directive(pages, "proxy_ignore_headers")!.args.map((h) => h.toLowerCase())
    expect(ignored).not.toContain(CACHE_EXPIRES_HEADER.toLowerCase())
    expect(ignored).not.toContain("set-cookie")
  })

  it("streams the app's event streams unbuffered, and nothing else", () => {
    const paths = [EVENTS_PATH, liveEventsPath("abc"), liveEventsPath("a b"), `${liveEventsPath("abc")}/`, "/api/lives/abc/access", "/api/lives/abc/chat", "/lives/abc", "/api/events/x"]
    for (const pathname of paths) expect(isStream(locationFor(pathname)), pathname).toBe(pathname === EVENTS_PATH || LIVE_EVENTS_PATH.test(pathname))
    expect(paths.filter((p) => LIVE_EVENTS_PATH.test(p))).toHaveLength(3)
  })

  it("passes the build's files through and forwards the headers the app reads from a trusted proxy", () => {
    expect(directive(locationFor(`${NEXT_STATIC_PREFIX}chunks/app.js`), "proxy_cache")).toBeUndefined()
    expect(location((args) => args.length === 1 && args[0] === NEXT_STATIC_PREFIX)).toBeDefined()
    const forwarded = server.filter((d) => d.name === "proxy_set_header").map((d) => d.args[0]!.toLowerCase())
    for (const header of [FORWARDED_HOST_HEADER, FORWARDED_PROTO_HEADER, FORWARDED_FOR_HEADER]) expect(forwarded).toContain(header.toLowerCase())
  })

  it("serves « Mes vidéos »' files from one internal location per root, reachable only by X-Accel-Redirect", () => {
    for (const root of VIDEO_FILES_ROOTS) {
      const files = locationFor(`${VIDEO_FILES_INTERNAL_PREFIX}${root}/imports/1/a.mp4`)
      expect(files.args).toEqual([`${VIDEO_FILES_INTERNAL_PREFIX}${root}/`])
      expect(directive(files, "internal")).toBeDefined()
      expect(directive(files, "alias")!.args[0]).toMatch(/^\/.*\/$/)
      expect(directive(files, "proxy_pass")).toBeUndefined()
    }
  })
})
