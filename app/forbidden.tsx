import { StatusMessagePage } from "@/components/layout/status-message-page"

import { titleMetadata } from "@/app/_lib/title-metadata"

export const generateMetadata = titleMetadata("forbidden")

export default function Forbidden() {
  return <StatusMessagePage namespace="forbidden" testId="forbidden" />
}
