// The live player tells the server the rendition it plays ("360p", "audio"…: the level hls.js plays,
// Auto's included), for the audience samples (issue 23). Sent when it changes; an anonymous browser's
// first report can come before its event stream set the cookie naming it, so a report not recorded is
// sent again a little later, a few times at most. Best effort: a failure changes nothing on the page.

const RETRY_MS = 5_000
const TRIES = 3

/** Reports `rendition` until recorded (or TRIES answers); returns a function that stops the retries. */
export function reportRendition(slug: string, rendition: string): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const send = async (tryNumber: number) => {
    if (stopped) return
    const recorded = await fetch(`/api/lives/${encodeURIComponent(slug)}/rendition`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ rendition }),
    })
      .then(async (response) => response.ok && ((await response.json()) as { recorded?: boolean }).recorded === true)
      .catch(() => false)
    if (!recorded && !stopped && tryNumber < TRIES) timer = setTimeout(() => void send(tryNumber + 1), RETRY_MS)
  }
  void send(1)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
