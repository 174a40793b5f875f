// One operation at a time per live inside an agent: a start job, a stop job and the reconciliation
// tick may all look at the same live; they take turns. (Only the agent of a slot's server drives it,
// so an in-process lock is enough; the guarded status updates protect everything else.)
const chains = new Map<number, Promise<unknown>>()

export async function withLiveLock<T>(liveId: number, operation: () => Promise<T>): Promise<T> {
  const previous = chains.get(liveId) ?? Promise.resolve()
  const run = previous.then(operation, operation)
  const settled = run.catch(() => undefined)
  chains.set(liveId, settled)
  try {
    return await run
  } finally {
    if (chains.get(liveId) === settled) chains.delete(liveId)
  }
}

/** Whether an operation on this live is running or queued in this process. */
export function isLiveBusy(liveId: number): boolean {
  return chains.has(liveId)
}
