// Drops and recreates a test/e2e/bench database (refuses any other name).
import { recreateDatabase } from "@/prisma/migrate"

await recreateDatabase(process.argv[2] ?? "")
