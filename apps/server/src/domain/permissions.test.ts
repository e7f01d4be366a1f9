import { defaultGroupSettings, type GroupRole, type GroupSettings } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  type Actor,
  can,
  canActOnSession,
  canChangeRole,
  canInviteAs,
  canRemoveMember,
  type GroupAction,
  groupActions,
  sessionNeedsApproval,
  sessionRulesFor,
} from './permissions.ts'

const actors = {
  owner: { kind: 'member', role: 'owner' },
  admin: { kind: 'member', role: 'admin' },
  member: { kind: 'member', role: 'member' },
  non_member: { kind: 'non_member' },
  anonymous: { kind: 'anonymous' },
} as const satisfies Record<string, Actor>
type ActorName = keyof typeof actors

const privateGroup = { privacy: 'private' as const, settings: defaultGroupSettings }
const publicGroup = { privacy: 'public' as const, settings: defaultGroupSettings }

// Who may do each action in a private group with the default settings.
const expected: Record<GroupAction, ActorName[]> = {
  view_group: ['owner', 'admin', 'member'],
  view_members: ['owner', 'admin', 'member'],
  view_member_emails: ['owner', 'admin'],
  edit_group: ['owner', 'admin'],
  edit_settings: ['owner', 'admin'],
  delete_group: ['owner'],
  transfer_ownership: ['owner'],
  invite_members: ['owner', 'admin'],
  manage_join_code: ['owner', 'admin'],
  review_join_requests: ['owner', 'admin'],
  change_roles: ['owner'],
  remove_members: ['owner', 'admin'],
  leave_group: ['admin', 'member'],
  join_directly: [],
  request_to_join: ['non_member'],
  create_instant_session: ['owner', 'admin', 'member'],
  schedule_session: ['owner', 'admin'],
  approve_sessions: ['owner', 'admin'],
  cancel_any_session: ['owner', 'admin'],
  view_results: ['owner', 'admin', 'member'],
  view_analytics: ['owner', 'admin', 'member'],
}

/** The table as rows: every action for every actor, with the expected answer. */
function permissionTable(group = privateGroup) {
  return groupActions.flatMap((action) =>
    (Object.keys(actors) as ActorName[]).map((name) => ({
      action,
      actor: name,
      allowed: expected[action].includes(name),
      group,
    })),
  )
}

describe('can(actor, action, group): every action for every role', () => {
  it('covers every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...groupActions].sort())
  })

  it.each(permissionTable())('$actor → $action: $allowed', ({ actor, action, allowed, group }) => {
    expect(can(actors[actor], action, group)).toBe(allowed)
  })
})

describe('joining depends on privacy', () => {
  it.each([
    ['public', 'join_directly', true],
    ['public', 'request_to_join', false],
    ['private', 'join_directly', false],
    ['private', 'request_to_join', true],
  ] as const)('a non-member of a %s group: %s → %s', (privacy, action, allowed) => {
    const group = privacy === 'public' ? publicGroup : privateGroup
    expect(can(actors.non_member, action, group)).toBe(allowed)
    expect(can(actors.anonymous, action, group)).toBe(false)
    expect(can(actors.member, action, group)).toBe(false)
  })
})

describe('session permissions follow the group settings', () => {
  const levels = ['owner', 'admin', 'all_members'] as const
  const roles: GroupRole[] = ['owner', 'admin', 'member']
  const allowedAt = { owner: ['owner'], admin: ['owner', 'admin'], all_members: roles }

  it.each(levels.flatMap((level) => roles.map((role) => ({ level, role }))))(
    'level $level, role $role',
    ({ level, role }) => {
      const settings: GroupSettings = {
        ...defaultGroupSettings,
        session_creation_permission: level,
        instant_session_permission: level,
      }
      const actor: Actor = { kind: 'member', role }
      const allowed = allowedAt[level].includes(role)
      expect(can(actor, 'schedule_session', { privacy: 'private', settings })).toBe(allowed)
      expect(can(actor, 'create_instant_session', { privacy: 'private', settings })).toBe(allowed)
      expect(
        can(actors.non_member, 'create_instant_session', { privacy: 'public', settings }),
      ).toBe(false)
    },
  )

  it.each([
    [true, 'member', true],
    [true, 'admin', false],
    [true, 'owner', false],
    [false, 'member', false],
  ] as const)('approval required %s, creator %s → needs approval %s', (required, role, needs) => {
    expect(
      sessionNeedsApproval(role, { ...defaultGroupSettings, session_approval_required: required }),
    ).toBe(needs)
  })
})

describe('managing members', () => {
  it.each([
    ['owner', 'admin', true],
    ['owner', 'member', true],
    ['owner', 'owner', false],
    ['admin', 'member', true],
    ['admin', 'admin', false],
    ['admin', 'owner', false],
    ['member', 'member', false],
    ['member', 'admin', false],
  ] as const)('%s may remove %s: %s', (actor, target, allowed) => {
    expect(canRemoveMember(actor, target)).toBe(allowed)
  })

  it.each([
    ['owner', 'member', 'admin', true],
    ['owner', 'admin', 'member', true],
    ['owner', 'member', 'owner', false],
    ['owner', 'owner', 'admin', false],
    ['admin', 'member', 'admin', false],
    ['admin', 'admin', 'member', false],
    ['member', 'member', 'admin', false],
  ] as const)('%s may make a %s a %s: %s', (actor, target, role, allowed) => {
    expect(canChangeRole(actor, target, role)).toBe(allowed)
  })
})

describe('inviting', () => {
  it.each([
    ['owner', 'admin', true],
    ['owner', 'member', true],
    ['admin', 'admin', false],
    ['admin', 'member', true],
    ['member', 'member', false],
  ] as const)('%s may invite someone as %s: %s', (actor, role, allowed) => {
    expect(canInviteAs(actor, role)).toBe(allowed)
  })
})

describe('acting on one session', () => {
  const roles = ['owner', 'admin', 'member'] as const
  it.each(
    roles.flatMap((role) =>
      [true, false].flatMap((isCreator) =>
        (['edit', 'cancel', 'start', 'end', 'approve', 'host'] as const).map((action) => ({
          role,
          isCreator,
          action,
        })),
      ),
    ),
  )('$role (creator: $isCreator) → $action', ({ role, isCreator, action }) => {
    const staff = role !== 'member'
    const allowed = action === 'approve' ? staff : staff || isCreator
    expect(canActOnSession({ kind: 'member', role }, action, privateGroup, isCreator)).toBe(allowed)
  })

  it('never lets a non-member act on a session', () => {
    expect(canActOnSession({ kind: 'non_member' }, 'cancel', privateGroup, true)).toBe(false)
  })
})

describe('rules a session must pass, by role, approval setting and how it comes about', () => {
  const approval = { ...defaultGroupSettings, session_approval_required: true }
  const open = { ...defaultGroupSettings, session_approval_required: false }
  // [role, group requires approval, origin] → needsApproval, checkNotice, checkSlots
  it.each([
    ['member', approval, 'schedule', true, true, true],
    ['member', open, 'schedule', false, true, true],
    ['admin', approval, 'schedule', false, true, true],
    ['owner', approval, 'schedule', false, true, true],
    ['member', approval, 'reschedule', true, true, true],
    ['member', open, 'reschedule', false, true, true],
    ['admin', approval, 'reschedule', false, true, true],
    ['member', approval, 'instant', true, false, true],
    ['member', open, 'instant', false, false, true],
    ['admin', approval, 'instant', false, false, false],
    ['owner', open, 'instant', false, false, false],
    ['member', approval, 'start_early', true, true, true],
    ['member', open, 'start_early', false, true, true],
    ['admin', approval, 'start_early', false, false, false],
    ['owner', approval, 'start_early', false, false, false],
    ['member', approval, 'series_extension', true, false, true],
    ['member', open, 'series_extension', false, false, true],
    ['owner', approval, 'series_extension', false, false, true],
  ] as const)(
    '%s, %o, %s → approval %s, notice %s, slots %s',
    (role, settings, origin, needsApproval, checkNotice, checkSlots) => {
      expect(sessionRulesFor(role, settings, origin)).toEqual({
        needsApproval,
        checkNotice,
        checkSlots,
      })
    },
  )
})
