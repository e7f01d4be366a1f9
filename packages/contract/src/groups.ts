import { z } from 'zod'
import { timestampSchema } from './common.ts'

export const groupRoleSchema = z.enum(['owner', 'admin', 'member'])
export type GroupRole = z.infer<typeof groupRoleSchema>

export const groupPrivacySchema = z.enum(['public', 'private'])
export type GroupPrivacy = z.infer<typeof groupPrivacySchema>

/** Which roles may do something: the owner only, owner and admins, or every member. */
export const permissionLevelSchema = z.enum(['owner', 'admin', 'all_members'])
export type PermissionLevel = z.infer<typeof permissionLevelSchema>

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone such as Europe/Paris. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' })

const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour)')

/** A weekly window in the group's time zone when scheduled sessions may take place. */
export const timeSlotSchema = z
  .object({
    days: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .optional()
      .describe('0 = Sunday … 6 = Saturday; every day when absent'),
    start: clockTimeSchema,
    end: clockTimeSchema,
  })
  .refine((slot) => slot.start < slot.end, {
    message: 'must end after it starts',
    path: ['end'],
  })
export type TimeSlot = z.infer<typeof timeSlotSchema>

/** How a group runs its sessions (names as in the group-sessions plan). */
export const groupSettingsSchema = z.object({
  session_creation_permission: permissionLevelSchema.default('admin'),
  instant_session_permission: permissionLevelSchema.default('all_members'),
  session_approval_required: z.boolean().default(false),
  advance_notice_hours: z.number().int().min(0).max(720).default(0),
  allowed_time_slots: z.array(timeSlotSchema).max(21).optional(),
})
export type GroupSettings = z.infer<typeof groupSettingsSchema>
export const defaultGroupSettings: GroupSettings = groupSettingsSchema.parse({})

const tagsSchema = z
  .array(z.string().trim().min(1).max(32))
  .max(10)
  .transform((tags) => [...new Set(tags)])

export const createGroupBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  privacy: groupPrivacySchema.default('private'),
  timezone: timeZoneSchema.default('UTC'),
  tags: tagsSchema.default([]),
  settings: groupSettingsSchema.optional(),
})
export type CreateGroupBody = z.infer<typeof createGroupBodySchema>

export const updateGroupBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000),
    privacy: groupPrivacySchema,
    timezone: timeZoneSchema,
    tags: tagsSchema,
  })
  .partial()
export type UpdateGroupBody = z.infer<typeof updateGroupBodySchema>

/** What the caller may do in a group: the web app shows only these controls. */
export const groupCapabilitiesSchema = z.object({
  canEditGroup: z.boolean(),
  canEditSettings: z.boolean(),
  canDeleteGroup: z.boolean(),
  canTransferOwnership: z.boolean(),
  canInviteMembers: z.boolean(),
  canManageJoinCode: z.boolean(),
  canReviewJoinRequests: z.boolean(),
  canChangeRoles: z.boolean(),
  canRemoveMembers: z.boolean(),
  canLeave: z.boolean(),
  canCreateInstantSession: z.boolean(),
  canScheduleSession: z.boolean(),
  canApproveSessions: z.boolean(),
})
export type GroupCapabilities = z.infer<typeof groupCapabilitiesSchema>

/** What waits for a decision in a group; null where the caller may not decide it. */
export const groupAttentionSchema = z.object({
  joinRequests: z
    .number()
    .int()
    .nullable()
    .describe('Pending requests to join; null unless the caller may review them'),
  sessionsToApprove: z
    .number()
    .int()
    .nullable()
    .describe(
      'Sessions waiting for approval (a series counts once); null unless the caller may approve',
    ),
})
export type GroupAttention = z.infer<typeof groupAttentionSchema>

/** A group as one of its members sees it. */
export const groupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  privacy: groupPrivacySchema,
  timezone: z.string(),
  tags: z.array(z.string()),
  settings: groupSettingsSchema,
  memberCount: z.number().int(),
  myRole: groupRoleSchema,
  /** Only for those who may share it (owners and admins). */
  joinCode: z.string().nullable(),
  capabilities: groupCapabilitiesSchema,
  attention: groupAttentionSchema,
  createdAt: timestampSchema,
})
export type Group = z.infer<typeof groupSchema>

export const groupSummarySchema = groupSchema.pick({
  id: true,
  name: true,
  description: true,
  privacy: true,
  tags: true,
  memberCount: true,
  myRole: true,
})
export type GroupSummary = z.infer<typeof groupSummarySchema>
export const groupListSchema = z.object({ items: z.array(groupSummarySchema) })

/** A group in the extension's "Share to Group" dropdown (names as in the plan). */
export const userGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: groupRoleSchema,
  member_count: z.number().int(),
  can_create_instant: z.boolean(),
  can_schedule: z.boolean(),
})
export type UserGroup = z.infer<typeof userGroupSchema>
export const userGroupListSchema = z.object({ groups: z.array(userGroupSchema) })

export const groupParamsSchema = z.object({ groupId: z.uuid() })
export const memberParamsSchema = z.object({ groupId: z.uuid(), userId: z.string().min(1).max(64) })

/** A member of a group; only its owner and admins see members' e-mail addresses. */
export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.email().nullable().describe('null unless the caller is the owner or an admin'),
  role: groupRoleSchema,
  joinedAt: timestampSchema,
})
export type Member = z.infer<typeof memberSchema>
export const memberListSchema = z.object({ items: z.array(memberSchema) })

export const changeRoleBodySchema = z.object({
  role: z.enum(['admin', 'member']).describe('Use transfer-ownership to make someone the owner'),
})
export const transferOwnershipBodySchema = z.object({ userId: z.string().min(1).max(64) })

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired'])

export const createInvitationBodySchema = z.object({
  email: z.email().max(254),
  role: z.enum(['admin', 'member']).default('member'),
  expiresInDays: z.number().int().min(1).max(90).default(14),
})
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>

/** An invitation as the group's managers see it; `url` is the link to send. */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(['admin', 'member']),
  status: invitationStatusSchema,
  url: z.url(),
  invitedByName: z.string(),
  expiresAt: timestampSchema,
  createdAt: timestampSchema,
})
export type Invitation = z.infer<typeof invitationSchema>
export const invitationListSchema = z.object({ items: z.array(invitationSchema) })
export const invitationParamsSchema = z.object({ groupId: z.uuid(), invitationId: z.uuid() })
export const invitationTokenParamsSchema = z.object({ token: z.string().min(16).max(64) })

/** What the invitation page shows before accepting. */
export const invitationPreviewSchema = z.object({
  groupId: z.uuid(),
  groupName: z.string(),
  groupDescription: z.string(),
  invitedByName: z.string(),
  email: z
    .string()
    .describe('The invitee’s address, masked (j•••@example.com): anyone with the link sees it'),
  role: z.enum(['admin', 'member']),
  status: invitationStatusSchema,
  expiresAt: timestampSchema,
})
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>

export const joinCodeParamsSchema = z.object({ code: z.string().min(4).max(32) })

/** What the join page shows for a join code. */
export const joinPreviewSchema = z.object({
  groupId: z.uuid(),
  name: z.string(),
  description: z.string(),
  privacy: groupPrivacySchema,
  memberCount: z.number().int(),
  isMember: z.boolean(),
  hasPendingRequest: z.boolean(),
})
export type JoinPreview = z.infer<typeof joinPreviewSchema>

export const joinByCodeBodySchema = z.object({
  message: z
    .string()
    .trim()
    .max(500)
    .optional()
    .describe('For a private group: a note to its admins'),
})
export const joinResultSchema = z.object({
  groupId: z.uuid(),
  status: z.enum(['joined', 'requested', 'already_member']),
})
export type JoinResult = z.infer<typeof joinResultSchema>

export const joinCodeSchema = z.object({ joinCode: z.string() })

export const joinRequestSchema = z.object({
  id: z.uuid(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  message: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: timestampSchema,
})
export type JoinRequest = z.infer<typeof joinRequestSchema>
export const joinRequestListSchema = z.object({ items: z.array(joinRequestSchema) })
export const joinRequestParamsSchema = z.object({ groupId: z.uuid(), requestId: z.uuid() })

/** A group where the caller, an owner or admin, has something to decide. */
export const userAttentionItemSchema = z.object({
  groupId: z.uuid(),
  groupName: z.string(),
  joinRequests: z.number().int().describe('Pending requests to join'),
  sessionsToApprove: z
    .number()
    .int()
    .describe('Sessions waiting for approval; a series counts once'),
})
export type UserAttentionItem = z.infer<typeof userAttentionItemSchema>
export const userAttentionSchema = z.object({ items: z.array(userAttentionItemSchema) })

/** One of the caller's own requests to join a group, still waiting for a decision. */
export const myJoinRequestSchema = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  message: z.string().nullable(),
  createdAt: timestampSchema,
})
export type MyJoinRequest = z.infer<typeof myJoinRequestSchema>
export const myJoinRequestListSchema = z.object({ items: z.array(myJoinRequestSchema) })
export const myJoinRequestParamsSchema = z.object({ requestId: z.uuid() })
