import { CalendarPlus } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { GroupAttentionCard } from '../../features/groups/components/group-attention-card'
import { GroupDetails } from '../../features/groups/components/group-details'
import { JoinLinkPanel } from '../../features/groups/components/join-link-panel'
import { LiveIndicator } from '../../features/sessions/components/live-indicator'
import { NextSessions } from '../../features/sessions/components/next-sessions'
import { plural } from '../../features/sessions/utils/labels'
import { useGroupChannel } from '../../hooks/use-group-channel'
import { useGroupOutlet } from './group'

/** Who of the group has LoopQuiz open now (the viewer among them), pushed as it changes. */
function MembersOnline({ groupId }: { groupId: string }) {
  const { onlineUserIds, status } = useGroupChannel(groupId)
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-2xl bg-white px-4 py-3 text-sm ring-1 ring-slate-200">
      <p className="flex items-center gap-2 font-semibold text-slate-700">
        <span aria-hidden className="size-2.5 rounded-full bg-emerald-500" />
        {onlineUserIds === null
          ? 'Checking who is online…'
          : `${plural(onlineUserIds.length, 'member')} online now`}
      </p>
      <LiveIndicator status={status} />
    </div>
  )
}

/** /groups/:groupId — the next sessions, about the group, and the invite link for those who may share it. */
export function GroupOverviewRoute() {
  const { group } = useGroupOutlet()
  const joinCode = group.capabilities.canManageJoinCode ? group.joinCode : null
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
      <div className={`flex flex-col gap-6 ${joinCode ? 'lg:col-span-3' : 'lg:col-span-5'}`}>
        <MembersOnline groupId={group.id} />
        <GroupAttentionCard group={group} />
        <NextSessions
          groupId={group.id}
          emptyAction={
            group.capabilities.canScheduleSession ? (
              <Link
                to={`/groups/${group.id}/sessions`}
                className={buttonClassName({ variant: 'secondary', size: 'sm' })}
              >
                <CalendarPlus aria-hidden className="size-4" />
                Plan a session
              </Link>
            ) : undefined
          }
        />
        <GroupDetails group={group} />
      </div>
      {joinCode ? (
        <div className="lg:col-span-2">
          <JoinLinkPanel group={group} joinCode={joinCode} />
        </div>
      ) : null}
    </div>
  )
}
