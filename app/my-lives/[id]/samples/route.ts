import { audienceCsvRoute } from "../../_lib/audience-csv-route"

/** The CSV of a live's audience samples. */
export const GET = audienceCsvRoute("samples")
