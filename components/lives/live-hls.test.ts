// The player's renewal of a restricted live's signed media URL (hls.js xhrSetup): the app's playlist
// route becomes the signed URL, later requests take the freshest token, one app request per token
// lifetime, a refused renewal leaves the old path (the origin then says 403), public URLs untouched.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { isMediaRefused, signedMediaXhrSetup } from "./live-hls"

const ORIGIN = "http://hls.example:8080/hls"
type Answer = { status: number; body?: unknown }

function setup(answers: Answer[]) {
  const calls: string[] = []
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    calls.push(String(input))
    const answer = answers.shift() ?? { status: 500 }
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status })
  }) as unknown as typeof fetch
  const xhrSetup = signedMediaXhrSetup("bbb-amphi", fetchImpl)
  const opened: string[] = []
  const run = async (url: string) => {
    const xhr = { open: (_method: string, target: string) => opened.push(target) } as unknown as XMLHttpRequest
    await xhrSetup(xhr, url, {} as never)
    return opened.at(-1)
  }
  return { calls, run, opened }
}

const token = (letter: string) => letter.repeat(22)
const signed = (letter: string, expires: number, file = "private-live7-ab.m3u8") => `${ORIGIN}/${token(letter)}/${expires}/${file}`

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-03T10:00:00Z"), toFake: ["Date"] })
  vi.stubGlobal("window", { location: { href: "http://app.example/lives/bbb-amphi", origin: "http://app.example" } })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe("signedMediaXhrSetup", () => {
  it("loads the signed URL instead of the playlist route, then renews the token shortly before it expires", async () => {
    const now = Date.now()
    const exp1 = now / 1000 + 600
    const exp2 = now / 1000 + 1200
    const { calls, run } = setup([
      { status: 200, body: { url: signed("a", exp1), expiresAt: new Date(exp1 * 1000).toISOString() } },
      { status: 200, body: { url: signed("b", exp2), expiresAt: new Date(exp2 * 1000).toISOString() } },
    ])
    expect(await run("http://app.example/api/lives/bbb-amphi/playlist")).toBe(signed("a", exp1))
    // Variants and fragments (relative to the signed master) keep the current token: no app request.
    expect(await run(signed("a", exp1, "private-live7-ab_360p.m3u8"))).toBe(signed("a", exp1, "private-live7-ab_360p.m3u8"))
    expect(calls).toHaveLength(1)
    // A minute before expiry: one renewal, and every later request (even of an older path) gets it.
    vi.setSystemTime(now + 545_000)
    expect(await run(signed("a", exp1, "private-live7-ab_360p_12.ts"))).toBe(signed("b", exp2, "private-live7-ab_360p_12.ts"))
    expect(await run(signed("a", exp1, "private-live7-ab_360p_13.ts"))).toBe(signed("b", exp2, "private-live7-ab_360p_13.ts"))
    expect(calls).toEqual(["/api/lives/bbb-amphi/media-url", "/api/lives/bbb-amphi/media-url"])
  })

  it("keeps the old path when the renewal is refused (the origin's 403 then tells the player), and leaves public URLs alone", async () => {
    const exp1 = Date.now() / 1000 + 30
    const { run, opened } = setup([{ status: 200, body: { url: signed("a", exp1), expiresAt: new Date(exp1 * 1000).toISOString() } }, { status: 401 }])
    await run("http://app.example/api/lives/bbb-amphi/playlist")
    expect(opened).toHaveLength(1)
    // The renewal refused: the same (soon expired) path, which the origin will refuse.
    expect(await run(signed("a", exp1, "private-live7-ab_360p_3.ts"))).toBe(signed("a", exp1, "private-live7-ab_360p_3.ts"))
    expect(opened).toHaveLength(2)
    await run(`${ORIGIN}/live8-cd.m3u8`) // public: hls.js opens it itself
    expect(opened).toHaveLength(2)
    expect(isMediaRefused({ response: { code: 403 } })).toBe(true)
    expect(isMediaRefused({ response: { code: 404 } })).toBe(false)
    expect(isMediaRefused({})).toBe(false)
  })
})
