// Every consumer of the application, by process: `npm run worker` runs the orchestrator (meeting sync,
// purge, lives, audience samples, recording imports), `npm run agent` runs on each streamer server and drives only its own slots. One
// machine may run both. Workers are thin adapters over lib/.
import type { Env } from "@/lib/config/env"
import type { StreamerDriver } from "@/lib/streamers/driver"

import { audiencePurgeWorker, audienceSampleWorker } from "./audience"
import { bbbWebhooksWorker } from "./bbb-webhooks"
import { livesWorker, meetingEndedWorker } from "./lives"
import { meetingsPurgeWorker, meetingsSyncWorker } from "./meetings-sync"
import { recordingsImportWorker } from "./recordings-import"
import type { WorkerDefinition } from "./run-worker"
import { streamerWorker } from "./streamer"

export function orchestratorWorkers(env: Env): WorkerDefinition[] {
  const webhooks = env.BBB_WEBHOOKS_SERVERS.length > 0 ? [bbbWebhooksWorker(env)] : []
  return [meetingsSyncWorker(env), meetingsPurgeWorker(), meetingEndedWorker(), livesWorker(env), recordingsImportWorker(env), audienceSampleWorker(env), audiencePurgeWorker(), ...webhooks]
}

export function agentWorkers(env: Env, driver: StreamerDriver): WorkerDefinition[] {
  return [streamerWorker(env, driver)]
}
