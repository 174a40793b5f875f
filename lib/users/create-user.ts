import bcrypt from "bcryptjs"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"
import { userNameKeys } from "@/lib/meetings/name-keys"
import { rematchUser } from "@/lib/meetings/rematch-user"

import { createUserInputSchema, type CreateUserInput } from "./schemas"

export const PASSWORD_HASH_ROUNDS = 10

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_ROUNDS)
}

/** Creates an account (local password and/or external identities) and matches it to waiting BBB moderators. */
export async function createUser(input: CreateUserInput) {
  const data = createUserInputSchema.parse(input)
  try {
    const user = await db.user.create({
      data: {
        email: data.email,
        username: data.username,
        firstName: data.firstName,
        lastName: data.lastName,
        ...userNameKeys(data.firstName, data.lastName),
        role: data.role,
        externalId: data.externalId,
        oidcSubject: data.oidcSubject,
        passwordHash: data.password ? await hashPassword(data.password) : null,
      },
      select: { id: true, email: true, username: true, firstName: true, lastName: true, role: true },
    })
    // A new account may be the moderator a running meeting was waiting for (domain flow 2).
    await rematchUser(user.id)
    return user
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "username or email already taken", cause: error })
    }
    throw error
  }
}
