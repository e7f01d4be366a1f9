import clsx from 'clsx'
import { ListChecks, Puzzle } from 'lucide-react'
import { LoopSegment, LoopThumbnail } from '../../../components/loop-summary'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { RelativeTime } from '../../../components/ui/relative-time'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useRecentLoops } from '../api/find-recent-loops'
import { plural } from '../utils/labels'

interface RecentLoopPickerProps {
  selectedId: string | null
  onSelect: (loopId: string, title: string) => void
  onCreateManually: () => void
  error?: string
}

/** My recent loops as choices; a loop without questions can't become a session, so it is disabled. */
export function RecentLoopPicker({
  selectedId,
  onSelect,
  onCreateManually,
  error,
}: RecentLoopPickerProps) {
  const loops = useRecentLoops({ limit: 6 })

  if (loops.isPending) return <ListSkeleton rows={2} label="Loading your recent loops…" />
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
      <EmptyState
        icon={Puzzle}
        title="No loops yet"
        action={
          <Button variant="secondary" size="sm" onClick={onCreateManually}>
            Create manually
          </Button>
        }
      >
        Loops you make on the Loops page appear here. You can also type in a video and questions
        yourself.
      </EmptyState>
    )
  }

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-semibold text-slate-800">Recent loops</legend>
      <ul className="flex flex-col gap-2">
        {items.map((loop) => {
          const hasQuestions = loop.questions.length > 0
          const isSelected = loop.id === selectedId
          return (
            <li key={loop.id}>
              <label
                className={clsx(
                  'flex items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                  !hasQuestions && 'cursor-not-allowed bg-slate-50 opacity-70 ring-slate-200',
                  hasQuestions && isSelected && 'bg-brand-50 ring-2 ring-brand-500',
                  hasQuestions &&
                    !isSelected &&
                    'cursor-pointer bg-white ring-slate-200 hover:ring-brand-300',
                )}
              >
                <input
                  type="radio"
                  name="recent-loop"
                  value={loop.id}
                  className="mt-3 size-4 shrink-0 accent-brand-600"
                  checked={isSelected}
                  disabled={!hasQuestions}
                  onChange={() => onSelect(loop.id, loop.videoTitle)}
                />
                <LoopThumbnail />
                <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                  <span className="font-semibold break-words text-slate-900">
                    {loop.videoTitle}
                  </span>
                  <span className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-sm text-slate-600">
                    <LoopSegment loop={loop} />
                    <span className="inline-flex items-center gap-1">
                      <ListChecks aria-hidden className="size-3.5" />
                      {hasQuestions
                        ? plural(loop.questions.length, 'question')
                        : 'No questions yet'}
                    </span>
                    <RelativeTime iso={loop.updatedAt} prefix="Updated" />
                  </span>
                  {hasQuestions ? null : (
                    <span className="text-xs text-slate-500">
                      It needs questions before a session can use it.
                    </span>
                  )}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      {error ? <p className="text-sm font-medium text-rose-700">{error}</p> : null}
      <LoadMore
        hasNextPage={loops.hasNextPage}
        isFetchingNextPage={loops.isFetchingNextPage}
        onLoadMore={() => loops.fetchNextPage()}
        label="Show more loops"
      />
    </fieldset>
  )
}
