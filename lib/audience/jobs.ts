// Job contracts of the audience domain (queue names and defaults live in lib/queues.ts).
export const AUDIENCE_SAMPLE_SCHEDULER_ID = "audience-sample-every"
export const AUDIENCE_PURGE_SCHEDULER_ID = "audience-purge-daily"
