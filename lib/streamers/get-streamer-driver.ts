// The driver chosen by STREAMER_DRIVER (see driver.ts).
import { getEnv } from "@/lib/config/env"

import type { StreamerDriver } from "./driver"
import { createDockerDriver } from "./drivers/docker-driver"
import { createFfmpegDriver } from "./drivers/ffmpeg-driver"

export function getStreamerDriver(): StreamerDriver {
  return getEnv().STREAMER_DRIVER === "docker" ? createDockerDriver() : createFfmpegDriver()
}
