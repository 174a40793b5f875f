import { db } from "@/lib/db"

/** Every building, by name: the choices of a broadcaster's building and of the buildings filter. */
export async function listBuildingChoices(): Promise<{ id: number; name: string }[]> {
  return db.building.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] })
}
