import { z } from "zod"

/** A live's id in an audience page's address; anything else is not a live (404). */
export const liveIdSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
