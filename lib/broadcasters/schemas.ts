import { z } from "zod"

import { enumFilter, idFilter, listParamsSchema } from "@/lib/lists/list-params"

// Admin forms: every message is a key of adminBroadcasters.errors / adminBuildings.errors.

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true")

export const broadcasterInputSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  /** Blank: made from the name by the one slug rule. */
  slug: z
    .string()
    .trim()
    .max(80, "tooLong")
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "slugInvalid")
    .optional()
    .transform((v) => (v ? v : undefined)),
  hlsUrl: z
    .string()
    .trim()
    .min(1, "required")
    .max(500, "tooLong")
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "urlInvalid"),
  buildingId: z.coerce.number("buildingRequired").int("buildingRequired").positive("buildingRequired"),
  isRestricted: checkbox,
  isPublic: checkbox,
})
export type BroadcasterInput = z.infer<typeof broadcasterInputSchema>

export const updateBroadcasterInputSchema = broadcasterInputSchema.extend({ broadcasterId: z.coerce.number().int().positive() })
export type UpdateBroadcasterInput = z.infer<typeof updateBroadcasterInputSchema>

export const deleteBroadcasterInputSchema = z.object({ broadcasterId: z.coerce.number().int().positive() })
export type DeleteBroadcasterInput = z.infer<typeof deleteBroadcasterInputSchema>

export const buildingInputSchema = z.object({ name: z.string().trim().min(1, "required").max(100, "tooLong") })
export type BuildingInput = z.infer<typeof buildingInputSchema>

export const updateBuildingInputSchema = buildingInputSchema.extend({ buildingId: z.coerce.number().int().positive() })
export type UpdateBuildingInput = z.infer<typeof updateBuildingInputSchema>

export const deleteBuildingInputSchema = z.object({
  buildingId: z.coerce.number().int().positive(),
  /** Where its broadcasters go; without it, a building that has some is not deleted. */
  moveToBuildingId: z.coerce.number().int().positive().optional().catch(undefined),
})
export type DeleteBuildingInput = z.infer<typeof deleteBuildingInputSchema>

export const adminBroadcastersParamsSchema = listParamsSchema({
  sorts: ["name", "slug", "building", "id"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: { buildingId: idFilter(), onAir: enumFilter(["yes", "no"]) },
})
export type AdminBroadcastersParams = z.output<typeof adminBroadcastersParamsSchema>

export const adminBuildingsParamsSchema = listParamsSchema({ sorts: ["name", "broadcasters", "id"], defaultSort: "name", defaultDir: "asc" })
export type AdminBuildingsParams = z.output<typeof adminBuildingsParamsSchema>
