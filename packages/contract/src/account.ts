import { z } from 'zod'

/** A group named in the account-deletion preview. */
export const accountGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
})
export type AccountGroup = z.infer<typeof accountGroupSchema>

/** What deleting the signed-in user's account removes, and whether a group blocks it. */
export const accountDeletionPreviewSchema = z.object({
  loops: z.number().int().nonnegative(),
  /** Quiz links the user shared (not the copies group sessions take). */
  sharedQuizzes: z.number().int().nonnegative(),
  /** Attempts anyone made on those quiz links; they go with them. */
  attemptsOnSharedQuizzes: z.number().int().nonnegative(),
  /** The user's own runs through group sessions. */
  groupSessionResults: z.number().int().nonnegative(),
  /** Sessions the user hosted in groups that stay: their group's owner becomes the host. */
  hostedSessionsKept: z.number().int().nonnegative(),
  /** Groups the user owns with nobody else in them: deleted with the account. */
  groupsDeleted: z.array(accountGroupSchema),
  /** Groups someone else owns: the user leaves them. */
  groupsLeft: z.array(accountGroupSchema),
  /** Groups the user owns that have other members: ownership must be transferred first. */
  groupsToTransfer: z.array(accountGroupSchema),
  /** True while groupsToTransfer is not empty: deletion is refused. */
  isBlocked: z.boolean(),
})
export type AccountDeletionPreview = z.infer<typeof accountDeletionPreviewSchema>

/** Password lengths the server's auth accepts; the forms state and check the same. */
export const passwordRules = { minLength: 8, maxLength: 128 } as const
