import { CalendarPlus } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { GroupAttentionCard } from '../../features/groups/components/group-attention-card'
import { GroupDetails } from '../../features/groups/components/group-details'
import { JoinLinkPanel } from '../../features/groups/components/join-link-panel'
import { NextSessions } from '../../features/sessions/components/next-sessions'
import { useGroupOutlet } from './group'

/** /groups/:groupId — the next sessions, about the group, and the invite link for those who may share it. */
export function GroupOverviewRoute() {
  const { group } = useGroupOutlet()
  const joinCode = group.capabilities.canManageJoinCode ? group.joinCode : null
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
      <div className={`flex flex-col gap-6 ${joinCode ? 'lg:col-span-3' : 'lg:col-span-5'}`}>
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
