// TEMPORARY placeholder until the docker driver lands (replaced by the docker branch merge).
import type { StreamerDriver } from "../driver"
export function createDockerDriver(): StreamerDriver {
  throw new Error("docker driver not merged yet")
}
