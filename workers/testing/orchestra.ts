// Test harness for the live orchestration: real BullMQ workers (orchestrators and agents) in the test
// process, each agent with settings of its own server (SERVER_NUMBER, its own STREAMER_BASE_DIR as on
// a separate machine), the ffmpeg driver and a real nginx-rtmp.
import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import type { Env } from "@/lib/config/env"
import { seedAttendee, seedMeeting, seedUser } from "@/prisma/seed/factories"
import type { StreamerDriver } from "@/lib/streamers/driver"
import { createFfmpegDriver } from "@/lib/streamers/drivers/ffmpeg-driver"
import { registerSlots } from "@/lib/streamers/register-slots"

import { livesWorker, meetingEndedWorker } from "../lives"
import { startWorkers, type StartedWorker } from "../run-worker"
import { streamerWorker } from "../streamer"

export type Agent = { env: Env; driver: StreamerDriver; workers: StartedWorker[] }

export async function startAgent(base: Env, serverNumber: number, driver?: StreamerDriver): Promise<Agent> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bbb-agent${serverNumber}-`))
  const env: Env = { ...base, SERVER_NUMBER: serverNumber, STREAMER_BASE_DIR: dir }
  const d = driver ?? createFfmpegDriver({ env })
  await registerSlots(env)
  return { env, driver: d, workers: await startWorkers([streamerWorker(env, d)]) }
}

export async function startOrchestrator(env: Env): Promise<StartedWorker[]> {
  return startWorkers([livesWorker(env), meetingEndedWorker()])
}

/** A running meeting moderated by a matched teacher: what a live request needs. */
export async function meetingWithTeacher(name?: string) {
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await seedMeeting({ name })
  await seedAttendee({ meetingId: meeting.id, attendeeKey: `w_${teacher.id}`, fullName: "t", userId: teacher.id, matchStatus: "BY_NAME" })
  return { teacher, meeting }
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | false | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
