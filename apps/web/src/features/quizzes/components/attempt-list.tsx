import clsx from 'clsx'
import { ChevronRight, Medal } from 'lucide-react'
import { Link } from 'react-router'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { RelativeTime } from '../../../components/ui/relative-time'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { toPercent } from '../../../lib/format'
import { useMyAttempts } from '../api/find-my-attempts'

function scoreTone(percent: number) {
  if (percent >= 70) return 'bg-emerald-100 text-emerald-800'
  if (percent >= 40) return 'bg-amber-100 text-amber-800'
  return 'bg-rose-100 text-rose-800'
}

/** The signed-in user's attempts, newest first, each linking back to its quiz. */
export function AttemptList({ limit = 20 }: { limit?: number }) {
  const attempts = useMyAttempts({ limit })

  if (attempts.isPending) return <ListSkeleton label="Loading your results…" />
  if (attempts.isError) {
    return (
      <ErrorAlert
        error={attempts.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => attempts.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const items = attempts.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return (
      <EmptyState icon={Medal} title="No results yet">
        Open a quiz link someone shared with you and take it. Your scores will collect here.
      </EmptyState>
    )
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2">
        {items.map((attempt) => {
          const percent = toPercent(attempt.score, attempt.maxScore)
          const isFinished = attempt.status === 'finished'
          return (
            <li key={attempt.id}>
              <Link
                to={`/questions/${attempt.token}?attempt=${encodeURIComponent(attempt.id)}`}
                className="group flex items-center gap-3 rounded-xl p-2 -mx-2 transition-colors hover:bg-slate-50"
              >
                <span
                  className={clsx(
                    'grid h-11 min-w-14 shrink-0 place-items-center rounded-xl px-2 text-sm font-extrabold tabular-nums',
                    isFinished ? scoreTone(percent) : 'bg-slate-100 text-slate-600',
                  )}
                >
                  {attempt.score}/{attempt.maxScore}
                </span>
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate font-semibold text-slate-900 group-hover:text-brand-700">
                    {attempt.title}
                  </span>
                  <span className="flex flex-wrap items-center gap-x-2 text-sm text-slate-500">
                    <span className="truncate">{attempt.videoTitle}</span>
                    <span aria-hidden>·</span>
                    <RelativeTime iso={attempt.finishedAt ?? attempt.startedAt} />
                  </span>
                </span>
                {isFinished ? (
                  <span className="hidden text-sm font-semibold text-slate-600 tabular-nums sm:inline">
                    {percent}%
                  </span>
                ) : (
                  <Badge tone="warning">In progress</Badge>
                )}
                <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400" />
              </Link>
            </li>
          )
        })}
      </ul>
      <LoadMore
        hasNextPage={attempts.hasNextPage}
        isFetchingNextPage={attempts.isFetchingNextPage}
        onLoadMore={() => attempts.fetchNextPage()}
        label="Show more results"
      />
    </div>
  )
}
