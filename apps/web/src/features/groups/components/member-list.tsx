import type { Group, Member } from '@loopquiz/contract'
import { Users } from 'lucide-react'
import { type ReactNode, useState } from 'react'
import { Avatar } from '../../../components/ui/avatar'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { formatDate } from '../../../lib/format'
import { useChangeMemberRole } from '../api/change-member-role'
import { useMembers } from '../api/find-members'
import { useRemoveMember } from '../api/remove-member'
import { memberCountLabel } from '../utils/labels'
import { memberActionsFor } from '../utils/member-rules'
import { RoleBadge } from './group-badges'

interface MemberListProps {
  group: Group
  currentUserId: string
}

/** Everyone in the group with their role; role and removal controls where the viewer may use them. */
export function MemberList({ group, currentUserId }: MemberListProps) {
  const members = useMembers(group.id)
  const changeRole = useChangeMemberRole(group.id)
  const remove = useRemoveMember(group.id)
  const [toRemove, setToRemove] = useState<Member | null>(null)

  let content: ReactNode
  if (members.isPending) {
    content = <ListSkeleton label="Loading members…" />
  } else if (members.isError) {
    content = (
      <ErrorAlert
        error={members.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => members.refetch()}>
            Try again
          </Button>
        }
      />
    )
  } else {
    content = (
      <ul aria-label="Members" className="flex flex-col divide-y divide-slate-100">
        {members.data.items.map((member) => {
          const actions = memberActionsFor(group, member, currentUserId)
          const isMe = member.userId === currentUserId
          const isChanging = changeRole.isPending && changeRole.variables?.userId === member.userId
          return (
            <li
              key={member.userId}
              className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
            >
              <div className="flex min-w-0 flex-1 items-center gap-3">
                <Avatar name={member.name} />
                <div className="flex min-w-0 flex-col gap-0.5">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="truncate font-semibold text-slate-900">
                      {member.name}
                      {isMe ? <span className="font-normal text-slate-600"> (you)</span> : null}
                    </span>
                    <RoleBadge role={member.role} />
                  </p>
                  {member.email ? (
                    <p className="truncate text-sm text-slate-500">{member.email}</p>
                  ) : null}
                  <p className="text-xs text-slate-500">Joined {formatDate(member.joinedAt)}</p>
                </div>
              </div>
              {actions.canChangeRole || actions.canRemove ? (
                <div className="flex shrink-0 flex-wrap gap-2 pl-13 sm:pl-0">
                  {actions.canChangeRole ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      isLoading={isChanging}
                      onClick={() =>
                        changeRole.mutate({
                          userId: member.userId,
                          role: member.role === 'admin' ? 'member' : 'admin',
                        })
                      }
                    >
                      {member.role === 'admin' ? 'Make member' : 'Make admin'}
                      <span className="sr-only"> ({member.name})</span>
                    </Button>
                  ) : null}
                  {actions.canRemove ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                      onClick={() => setToRemove(member)}
                    >
                      Remove
                      <span className="sr-only"> ({member.name})</span>
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
    )
  }

  return (
    <Section
      id="members"
      title="Members"
      icon={Users}
      description={memberCountLabel(group.memberCount)}
    >
      {changeRole.error ? <ErrorAlert error={changeRole.error} /> : null}
      {content}
      <Dialog
        isOpen={toRemove !== null}
        onClose={() => {
          setToRemove(null)
          remove.reset()
        }}
        title={`Remove ${toRemove?.name ?? 'this member'}?`}
        description="They lose access to the group and its sessions. They can join again only with a new invitation or the join link."
      >
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setToRemove(null)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            onClick={() => {
              if (toRemove) remove.mutate(toRemove.userId, { onSuccess: () => setToRemove(null) })
            }}
          >
            Remove from group
          </Button>
        </div>
      </Dialog>
    </Section>
  )
}
