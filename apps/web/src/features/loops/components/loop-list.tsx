import type { Loop } from '@loopquiz/contract'
import { ExternalLink, ListChecks, Puzzle } from 'lucide-react'
import type { ReactNode } from 'react'
import { LoopSegment, LoopThumbnail } from '../../../components/loop-summary'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { RelativeTime } from '../../../components/ui/relative-time'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useLoops } from '../api/find-loops'

interface LoopListProps {
  limit?: number
  /** Actions per loop, supplied by the page (e.g. sharing it as a quiz). */
  renderActions?: (loop: Loop) => ReactNode
}

/** The signed-in user's loops, most recently changed first. */
export function LoopList({ limit = 20, renderActions }: LoopListProps) {
  const loops = useLoops({ limit })

  if (loops.isPending) return <ListSkeleton label="Loading your loops…" />
  if (loops.isError) {
    return (
      <ErrorAlert
        error={loops.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => loops.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const items = loops.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return (
      <EmptyState icon={Puzzle} title="No loops yet">
        Open a video, mark a moment with the LoopQuiz browser extension and write a few questions
        about it. Your loops sync here automatically.
      </EmptyState>
    )
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-slate-100">
        {items.map((loop) => (
          <li
            key={loop.id}
            className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
          >
            <div className="flex min-w-0 flex-1 items-start gap-3">
              <LoopThumbnail />
              <div className="flex min-w-0 flex-col gap-1">
                <a
                  href={loop.videoUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex min-w-0 items-center gap-1 font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                >
                  <span className="truncate">{loop.videoTitle}</span>
                  <ExternalLink aria-hidden className="size-3.5 shrink-0 text-slate-400" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
                  <LoopSegment loop={loop} />
                  <span className="inline-flex items-center gap-1">
                    <ListChecks aria-hidden className="size-3.5" />
                    {loop.questions.length} {loop.questions.length === 1 ? 'question' : 'questions'}
                  </span>
                  <RelativeTime iso={loop.updatedAt} prefix="Updated" />
                </p>
              </div>
            </div>
            {renderActions ? <div className="shrink-0 sm:pl-3">{renderActions(loop)}</div> : null}
          </li>
        ))}
      </ul>
      <LoadMore
        hasNextPage={loops.hasNextPage}
        isFetchingNextPage={loops.isFetchingNextPage}
        onLoadMore={() => loops.fetchNextPage()}
        label="Show more loops"
      />
    </div>
  )
}
