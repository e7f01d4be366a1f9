import type { Loop } from '@loopquiz/contract'
import { ExternalLink, ListChecks, Plus, Puzzle } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { LoopSegment, LoopThumbnail } from '../../../components/loop-summary'
import { Button, buttonClassName } from '../../../components/ui/button'
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

/** "New loop": opens the loop editor on a blank loop. */
export function NewLoopLink() {
  return (
    <Link to="/loops/new" className={buttonClassName()}>
      <Plus aria-hidden className="size-4" />
      New loop
    </Link>
  )
}

/** The signed-in user's loops, most recently changed first; each opens in the loop editor. */
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
      <EmptyState icon={Puzzle} title="Make your first loop" action={<NewLoopLink />}>
        Paste a YouTube link or a video file’s address, mark the moment that matters and write a few
        questions about it.
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
                <div className="flex min-w-0 items-center gap-2">
                  <Link
                    to={`/loops/${loop.id}`}
                    className="min-w-0 truncate font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {loop.videoTitle}
                  </Link>
                  <a
                    href={loop.videoUrl}
                    target="_blank"
                    rel="noreferrer"
                    className="grid size-6 shrink-0 place-items-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700"
                  >
                    <ExternalLink aria-hidden className="size-3.5" />
                    <span className="sr-only">Open the video of {loop.videoTitle} (new tab)</span>
                  </a>
                </div>
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
