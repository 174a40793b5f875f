import { StatusMessagePage } from "@/components/layout/status-message-page"

import { titleMetadata } from "@/app/_lib/title-metadata"

export const generateMetadata = titleMetadata("notFound")

export default function NotFound() {
  return <StatusMessagePage namespace="notFound" testId="not-found" />
}
