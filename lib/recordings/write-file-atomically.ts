// Writes a file so that readers see the old content or the whole new one, never half of it: a temporary
// file beside the target (same file system), flushed to disk, then renamed over it. On failure the
// temporary file is removed and the target is untouched. Returns the size written, in bytes.
import { randomUUID } from "node:crypto"
import { createWriteStream } from "node:fs"
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import type { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"

export async function writeFileAtomically(target: string, content: string | Buffer | Readable): Promise<number> {
  const directory = path.dirname(path.resolve(target))
  await mkdir(directory, { recursive: true })
  const temporary = path.join(directory, `.${path.basename(target)}.${randomUUID().slice(0, 8)}.part`)
  try {
    if (typeof content === "string" || Buffer.isBuffer(content)) await writeFile(temporary, content, { flag: "wx" })
    else await pipeline(content, createWriteStream(temporary, { flags: "wx" }))
    const handle = await open(temporary, "r+")
    let size: number
    try {
      await handle.sync()
      size = (await handle.stat()).size
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
    return size
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
