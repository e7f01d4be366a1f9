import { ChevronRight, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Skeleton } from '../../../components/ui/skeleton'
import { useMyGroups } from '../api/find-my-groups'
import { memberCountLabel } from '../utils/labels'
import { PrivacyBadge, RoleBadge, TagList } from './group-badges'

function GroupGridSkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only">Loading your groups…</span>
      {[0, 1, 2].map((key) => (
        <Card key={key} className="flex flex-col gap-3 p-5">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-1/2" />
        </Card>
      ))}
    </div>
  )
}

/** The signed-in user's groups as cards; `emptyAction` is offered when there are none. */
export function GroupList({ emptyAction }: { emptyAction: ReactNode }) {
  const groups = useMyGroups()

  if (groups.isPending) return <GroupGridSkeleton />
  if (groups.isError) {
    return (
      <ErrorAlert
        error={groups.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => groups.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  if (groups.data.items.length === 0) {
    return (
      <EmptyState icon={Users} title="No groups yet" action={emptyAction}>
        Create a group for your class, study circle or team, then invite people. Got a join code
        from someone? Enter it above to join their group.
      </EmptyState>
    )
  }

  return (
    <ul aria-label="My groups" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {groups.data.items.map((group) => (
        <li key={group.id}>
          <Card className="group relative flex h-full flex-col gap-3 p-5 transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md">
            <div className="flex items-start justify-between gap-3">
              <h2 className="min-w-0 text-lg font-bold tracking-tight text-slate-900">
                <Link
                  to={`/groups/${group.id}`}
                  className="break-words outline-none after:absolute after:inset-0 after:rounded-2xl group-hover:text-brand-700"
                >
                  {group.name}
                </Link>
              </h2>
              <ChevronRight
                aria-hidden
                className="mt-1 size-5 shrink-0 text-slate-400 transition-transform group-hover:translate-x-0.5 group-hover:text-brand-600"
              />
            </div>
            {group.description ? (
              <p className="line-clamp-2 text-sm text-slate-600">{group.description}</p>
            ) : (
              <p className="text-sm text-slate-500 italic">No description</p>
            )}
            <TagList tags={group.tags} />
            <div className="mt-auto flex flex-wrap items-center gap-2 pt-1 text-sm text-slate-600">
              <PrivacyBadge privacy={group.privacy} />
              <span className="sr-only">Your role:</span>
              <RoleBadge role={group.myRole} />
              <span className="inline-flex items-center gap-1">
                <Users aria-hidden className="size-3.5" />
                {memberCountLabel(group.memberCount)}
              </span>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  )
}
