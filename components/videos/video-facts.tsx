// A video's duration and size, as « Mes vidéos » and the admin's list show them; a file missing on
// disk says so (« fichier introuvable ») where its size would be.
import { getFormatter, getTranslations } from "next-intl/server"

import { Badge } from "@/components/ui/badge"

export async function VideoFacts({ durationSeconds, sizeBytes }: { durationSeconds: number | null; sizeBytes: number | null }) {
  const [t, format] = await Promise.all([getTranslations("videos"), getFormatter()])
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      {durationSeconds !== null && <span>{t("duration", { hours: Math.floor(durationSeconds / 3600), minutes: Math.floor((durationSeconds % 3600) / 60), seconds: durationSeconds % 60 })}</span>}
      {sizeBytes === null ? (
        <Badge tone="danger" testId="video-file-missing">
          {t("fileMissing")}
        </Badge>
      ) : (
        <span>{format.number(sizeBytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })}</span>
      )}
    </span>
  )
}
