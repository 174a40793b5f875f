import bcrypt from "bcryptjs"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { Prisma } from "@/lib/generated/prisma/client"

import { userNameKeys } from "./normalize-name"
import { createUserInputSchema, type CreateUserInput } from "./schemas"

export const PASSWORD_HASH_ROUNDS = 10

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_ROUNDS)
}

/** Creates an account (local password and/or external identities). Username and email are unique. */
export async function createUser(input: CreateUserInput) {
  const data = createUserInputSchema.parse(input)
  try {
    return await db.user.create({
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
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: "username or email already taken", cause: error })
    }
    throw error
  }
}
