import type { Group } from '@loopquiz/contract'
import { ArrowLeft, SearchX, Users } from 'lucide-react'
import { Link, Outlet, useOutletContext, useParams } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { ErrorAlert } from '../../components/ui/error-alert'
import { Skeleton } from '../../components/ui/skeleton'
import { StatusPage } from '../../components/ui/status-page'
import { type TabLink, TabLinks } from '../../components/ui/tab-links'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { useGroup } from '../../features/groups/api/get-group'
import { PrivacyBadge, RoleBadge } from '../../features/groups/components/group-badges'
import { pendingCounts } from '../../features/groups/utils/attention'
import { canOpenSettings } from '../../features/groups/utils/capabilities'
import { memberCountLabel } from '../../features/groups/utils/labels'
import { hasErrorCode } from '../../lib/errors'

/** What every tab of a group page gets from the page around it. */
export interface GroupOutletContext {
  group: Group
  currentUserId: string
}

export function useGroupOutlet() {
  return useOutletContext<GroupOutletContext>()
}

function tabsOf(group: Group): TabLink[] {
  const base = `/groups/${group.id}`
  // Only owners and admins get counts from the server; for members both are zero.
  const pending = pendingCounts(group.attention)
  const tabs: TabLink[] = [
    { to: base, label: 'Overview' },
    {
      to: `${base}/sessions`,
      label: 'Sessions',
      isActiveBelow: true,
      badge: { count: pending.sessionsToApprove, label: 'to approve' },
    },
    {
      to: `${base}/members`,
      label: 'Members',
      badge: { count: pending.joinRequests, label: 'waiting' },
    },
  ]
  if (canOpenSettings(group)) tabs.push({ to: `${base}/settings`, label: 'Settings' })
  return tabs
}

function GroupSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only">Loading the group…</span>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-9 w-2/3 max-w-md" />
      <Skeleton className="h-5 w-64" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-48 w-full rounded-2xl" />
    </div>
  )
}

const backLink = (
  <Link
    to="/groups"
    className="inline-flex w-fit items-center gap-1 rounded-lg text-sm font-semibold text-brand-700 hover:underline"
  >
    <ArrowLeft aria-hidden className="size-4" />
    All groups
  </Link>
)

/** /groups/:groupId — the group's header and tabs; each tab is a child route. */
export function GroupRoute() {
  const { groupId = '' } = useParams()
  const group = useGroup(groupId)
  const { user } = useCurrentUser()

  if (group.isPending || !user) return <GroupSkeleton />
  if (group.isError) {
    if (hasErrorCode(group.error, 'GROUP_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <>
          <title>Group not found · LoopQuiz</title>
          <StatusPage
            icon={SearchX}
            tone="danger"
            title="We couldn’t find this group"
            actions={
              <Link to="/groups" className={buttonClassName({ variant: 'secondary' })}>
                Go to my groups
              </Link>
            }
          >
            <p>It may have been deleted, or you are not a member of it.</p>
          </StatusPage>
        </>
      )
    }
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <ErrorAlert
          error={group.error}
          action={
            <Button variant="secondary" size="sm" onClick={() => group.refetch()}>
              Try again
            </Button>
          }
        />
      </div>
    )
  }

  const context: GroupOutletContext = { group: group.data, currentUserId: user.id }
  return (
    <>
      <title>{`${group.data.name} · LoopQuiz`}</title>
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-3">
          {backLink}
          <h1 className="text-3xl font-extrabold tracking-tight break-words text-slate-900">
            {group.data.name}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <PrivacyBadge privacy={group.data.privacy} />
            <span className="sr-only">Your role:</span>
            <RoleBadge role={group.data.myRole} />
            <span className="inline-flex items-center gap-1">
              <Users aria-hidden className="size-3.5" />
              {memberCountLabel(group.data.memberCount)}
            </span>
          </div>
        </div>
        <TabLinks label="Group sections" tabs={tabsOf(group.data)}>
          <Outlet context={context} />
        </TabLinks>
      </div>
    </>
  )
}
