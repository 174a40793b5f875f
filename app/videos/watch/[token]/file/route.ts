// A video's file: the app checks who may watch it, then hands the file to the nginx front
// (X-Accel-Redirect to an internal location; nginx answers range requests). Node never streams it:
// without the front in front, this answer has no body.
import { ACCEL_REDIRECT_HEADER } from "@/lib/config/front-contract"
import { locateVideoFile } from "@/lib/recordings/locate-video-file"

import { route } from "@/app/_lib/adapters"

export const dynamic = "force-dynamic"

export const GET = route<{ token: string }>({ access: "public" }, async ({ request, params, user }) => {
  const file = await locateVideoFile(params.token, user)
  const download = new URL(request.url).searchParams.has("download")
  return new Response(null, {
    headers: {
      [ACCEL_REDIRECT_HEADER]: file.internalPath,
      "Content-Type": file.contentType,
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${file.downloadName}"`,
      "Cache-Control": "private, no-store",
    },
  })
})
