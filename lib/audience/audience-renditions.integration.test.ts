// Renditions in use (issue 23): a live page's player reports the rendition it plays, the sampler counts
// the viewers present on each (each person once, its last report winning), the detail and the CSV
// show them. Reports of viewers no longer present, of a live off air, or of no one (no identity)
// count nothing; a restricted live refuses anonymous reports as its page does.
import { afterAll, describe, expect, it } from "vitest"

import { db } from "@/lib/db"
import { reportViewerRendition } from "@/lib/lives/report-viewer-rendition"
import { trackLiveViewer } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"

import { exportAudienceSamplesCsv } from "./audience-csv"
import { getLiveAudience } from "./get-live-audience"
import { recordAudienceSamples } from "./record-audience-samples"

afterAll(() => getProducerRedis().disconnect())

const browser = () => crypto.randomUUID()

describe("renditions in use", () => {
  it("counts the viewers present on each rendition their player reported, into the samples, the detail and the CSV", async () => {
    const { live, broadcaster, teacher } = await seedViewableLive()
    const slug = broadcaster.slug
    const [ada, bob] = [await seedUser(), await seedUser()]
    const [anon, silent, gone] = [browser(), browser(), browser()]
    const pages = [
      await trackLiveViewer(live.id, { userId: ada.id }),
      await trackLiveViewer(live.id, { userId: ada.id }), // a second tab: still one viewer
      await trackLiveViewer(live.id, { userId: bob.id }),
      await trackLiveViewer(live.id, { browserId: anon }),
      await trackLiveViewer(live.id, { browserId: silent }), // Safari: its player says nothing
    ]
    const report = (rendition: string, who: { user?: { id: number }; browserId?: string }) => reportViewerRendition({ slug, rendition }, { user: who.user ?? null, browserId: who.browserId })

    // Ada's tabs: the last report wins (Auto moved up to 720p). Bob on 360p, the anonymous browser on « Son seul ».
    expect(await report("360p", { user: ada })).toEqual({ recorded: true })
    expect(await report("720p", { user: ada })).toEqual({ recorded: true })
    expect(await report("360p", { user: bob })).toEqual({ recorded: true })
    expect(await report("audio", { browserId: anon })).toEqual({ recorded: true })
    // Not a viewer present: recorded, but never counted. No identity at all: not recorded.
    expect(await report("360p", { browserId: gone })).toEqual({ recorded: true })
    expect(await report("360p", {})).toEqual({ recorded: false })

    const first = new Date()
    await recordAudienceSamples({ now: first })
    // Bob leaves; the next sample no longer counts his 360p.
    await pages[2]!.leave()
    const second = new Date(first.getTime() + 10_000)
    await recordAudienceSamples({ now: second })
    expect(await db.liveAudienceSample.findMany({ where: { liveId: live.id }, orderBy: { at: "asc" }, select: { viewers: true, renditions: true } })).toEqual([
      { viewers: 4, renditions: { "720p": 1, "360p": 1, audio: 1 } },
      { viewers: 3, renditions: { "720p": 1, audio: 1 } },
    ])

    const audience = await getLiveAudience(live.id, { id: teacher.id, role: "TEACHER" })
    expect(audience?.renditions).toEqual(["720p", "360p", "audio"])
    expect(audience?.renditionsAtPeak).toMatchObject({ at: first, viewers: 4, renditions: { "720p": 1, "360p": 1, audio: 1 } })
    const csv = (await exportAudienceSamplesCsv(live.id, { id: teacher.id, role: "TEACHER" }))!.split("\r\n")
    expect(csv[0]).toBe("time;viewers;signed_in;anonymous;distinct_viewers;rendition_720p;rendition_360p;rendition_audio")
    expect(csv[1]).toBe(`${first.toISOString()};4;2;2;4;1;1;1`)
    expect(csv[2]).toBe(`${second.toISOString()};3;1;2;4;1;0;1`)
    for (const page of pages) await page.leave()
  })

  it("records no sample renditions when no player reported, and refuses what the page refuses", async () => {
    const { live } = await seedViewableLive()
    const viewer = await trackLiveViewer(live.id, { browserId: browser() })
    const now = new Date()
    await recordAudienceSamples({ now })
    expect(await db.liveAudienceSample.findFirst({ where: { liveId: live.id }, select: { viewers: true, renditions: true } })).toEqual({ viewers: 1, renditions: null })
    await viewer.leave()

    // A live off air: nothing to count. A restricted live: anonymous viewers are refused (401), as on its page.
    const { broadcaster: ended } = await seedViewableLive({ status: "STOPPED" })
    expect(await reportViewerRendition({ slug: ended.slug, rendition: "360p" }, { user: null, browserId: browser() })).toEqual({ recorded: false })
    const { broadcaster: restricted } = await seedViewableLive({ isRestricted: true })
    await expect(reportViewerRendition({ slug: restricted.slug, rendition: "360p" }, { user: null, browserId: browser() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" })
    await expect(reportViewerRendition({ slug: "no-such-live", rendition: "360p" }, { user: null, browserId: browser() })).rejects.toMatchObject({ code: "NOT_FOUND" })
  })
})
