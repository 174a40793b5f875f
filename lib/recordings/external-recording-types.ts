// The kinds of external video a teacher may add. Apart from the schemas (zod) so that the form, a
// client component, does not ship zod: its eval probe is a CSP violation in the browser.
export const EXTERNAL_RECORDING_TYPES = ["BIGBLUEBUTTON", "PEERTUBE", "YOUTUBE", "VIDEO"] as const
export type ExternalRecordingKind = (typeof EXTERNAL_RECORDING_TYPES)[number]
