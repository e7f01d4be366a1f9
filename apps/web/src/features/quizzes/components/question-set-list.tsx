import { BarChart3, CircleOff, Eye, Link2, ListChecks, Share2, Users } from 'lucide-react'
import { Link } from 'react-router'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { RelativeTime } from '../../../components/ui/relative-time'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useQuestionSets } from '../api/find-question-sets'
import { showAnswersBadge } from '../utils/show-answers'

/** The question sets the signed-in user shared, with their links and how often they were taken. */
export function QuestionSetList({ limit = 20 }: { limit?: number }) {
  const questionSets = useQuestionSets({ limit })

  if (questionSets.isPending) return <ListSkeleton label="Loading your shared quizzes…" />
  if (questionSets.isError) {
    return (
      <ErrorAlert
        error={questionSets.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => questionSets.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const items = questionSets.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return (
      <EmptyState icon={Share2} title="Nothing shared yet">
        Share a loop’s questions with “Share as quiz” on a loop to get a link anyone can play. It
        will show up here with its attempts.
      </EmptyState>
    )
  }

  const now = Date.now()
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-slate-100">
        {items.map((set) => {
          const isExpired = set.expiresAt !== null && new Date(set.expiresAt).getTime() <= now
          return (
            <li key={set.token} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
              <div className="flex items-start justify-between gap-3">
                <div className="flex min-w-0 flex-col gap-0.5">
                  <Link
                    to={`/questions/${set.token}`}
                    className="truncate font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {set.title}
                  </Link>
                  <p className="truncate text-sm text-slate-500">{set.videoTitle}</p>
                </div>
                <div className="flex shrink-0 flex-wrap items-center justify-end gap-2">
                  <Link
                    to={`/shares/${set.token}`}
                    aria-label={`See who took it: ${set.title}`}
                    className="inline-flex items-center gap-1 rounded-lg px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                  >
                    <BarChart3 aria-hidden className="size-4" />
                    See who took it
                  </Link>
                  <CopyButton text={set.shareUrl} label={`Copy link to ${set.title}`} />
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-slate-500">
                <span className="inline-flex items-center gap-1">
                  <ListChecks aria-hidden className="size-3.5" />
                  {set.questionCount} {set.questionCount === 1 ? 'question' : 'questions'}
                </span>
                <span className="inline-flex items-center gap-1 font-medium text-slate-700">
                  <Users aria-hidden className="size-3.5" />
                  {set.attemptCount} {set.attemptCount === 1 ? 'attempt' : 'attempts'}
                </span>
                <Badge tone={set.visibility === 'public' ? 'brand' : 'neutral'}>
                  <Link2 aria-hidden className="size-3" />
                  {set.visibility === 'public' ? 'Anyone with the link' : 'Signed-in users'}
                </Badge>
                <Badge>
                  <Eye aria-hidden className="size-3" />
                  {showAnswersBadge[set.showAnswers]}
                </Badge>
                {set.disabledAt !== null ? (
                  <Badge tone="danger">
                    <CircleOff aria-hidden className="size-3" />
                    Link off
                  </Badge>
                ) : null}
                {set.maxAttempts !== null ? (
                  <Badge>
                    {set.maxAttempts === 1 ? '1 attempt each' : `${set.maxAttempts} attempts each`}
                  </Badge>
                ) : null}
                {isExpired ? <Badge tone="danger">Expired</Badge> : null}
                {set.expiresAt && !isExpired ? (
                  <Badge tone="warning">
                    <RelativeTime iso={set.expiresAt} prefix="Expires" />
                  </Badge>
                ) : null}
                <RelativeTime iso={set.createdAt} prefix="Shared" />
              </div>
            </li>
          )
        })}
      </ul>
      <LoadMore
        hasNextPage={questionSets.hasNextPage}
        isFetchingNextPage={questionSets.isFetchingNextPage}
        onLoadMore={() => questionSets.fetchNextPage()}
        label="Show more shared quizzes"
      />
    </div>
  )
}
