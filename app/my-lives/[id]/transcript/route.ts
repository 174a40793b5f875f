import { audienceCsvRoute } from "../../_lib/audience-csv-route"

/** The CSV of a live's chat transcript. */
export const GET = audienceCsvRoute("transcript")
