import type { SessionResults as SessionResultsData } from '@loopquiz/contract'
import clsx from 'clsx'
import { BarChart3, Medal, Trophy, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { initialsOf, toPercent } from '../../../lib/format'
import { useSessionResults } from '../api/get-session-results'
import { plural } from '../utils/labels'

function Bar({ percent, tone }: { percent: number; tone: 'brand' | 'slate' | 'emerald' }) {
  return (
    <span aria-hidden className="block h-2.5 w-full overflow-hidden rounded-full bg-slate-100">
      <span
        className={clsx(
          'block h-full rounded-full transition-[width] duration-500 ease-out motion-reduce:transition-none',
          tone === 'brand' && 'bg-linear-to-r from-brand-500 to-fuchsia-500',
          tone === 'slate' && 'bg-slate-400',
          tone === 'emerald' && 'bg-emerald-500',
        )}
        style={{ width: `${Math.max(0, Math.min(100, percent))}%` }}
      />
    </span>
  )
}

function Tile({ label, value, detail }: { label: string; value: ReactNode; detail: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded-xl bg-slate-50 p-2.5 ring-1 ring-slate-100 sm:p-3">
      <dt className="text-[0.7rem] font-semibold tracking-wide text-slate-500 uppercase sm:text-xs">
        {label}
      </dt>
      <dd className="text-xl font-extrabold tracking-tight text-slate-900 tabular-nums sm:text-2xl">
        {value}
      </dd>
      <dd className="text-xs text-slate-500">{detail}</dd>
    </div>
  )
}

function rankTone(rank: number) {
  if (rank === 1) return 'bg-amber-100 text-amber-800 ring-amber-300'
  if (rank === 2) return 'bg-slate-200 text-slate-700 ring-slate-300'
  if (rank === 3) return 'bg-orange-100 text-orange-800 ring-orange-200'
  return 'bg-white text-slate-600 ring-slate-200'
}

function Comparison({
  results,
  currentUserId,
}: {
  results: SessionResultsData
  currentUserId?: string
}) {
  const total = results.totalPoints
  const me = results.participants.find((p) => p.userId === currentUserId)
  const averagePercent =
    results.averageScore === null ? null : toPercent(results.averageScore, total)
  const completed = results.participants.filter((p) => p.completedAt !== null).length

  return (
    <div className="flex flex-col gap-5">
      <dl className="grid grid-cols-3 gap-2 sm:gap-3">
        {me ? (
          <>
            <Tile
              label="Your rank"
              value={`#${me.rank}`}
              detail={`of ${plural(results.participants.length, 'participant')}`}
            />
            <Tile
              label="Your score"
              value={`${me.score}/${total}`}
              detail={`${toPercent(me.score, total)}%`}
            />
          </>
        ) : (
          <>
            <Tile
              label="Took part"
              value={results.participants.length}
              detail={`of ${plural(results.memberCount, 'member')}`}
            />
            <Tile label="Finished" value={completed} detail="answered every question" />
          </>
        )}
        <Tile
          label="Group average"
          value={
            results.averageScore === null
              ? '—'
              : `${Math.round(results.averageScore * 10) / 10}/${total}`
          }
          detail={averagePercent === null ? 'No answers yet' : `${averagePercent}%`}
        />
      </dl>

      {me && averagePercent !== null ? (
        <figure className="flex flex-col gap-2">
          <figcaption className="sr-only">Your score against the group average</figcaption>
          <div className="grid grid-cols-[7.5rem_1fr_3rem] items-center gap-3 text-sm">
            <span className="font-semibold text-slate-800">You</span>
            <Bar percent={toPercent(me.score, total)} tone="brand" />
            <span className="text-right font-semibold tabular-nums">
              {toPercent(me.score, total)}%
            </span>
          </div>
          <div className="grid grid-cols-[7.5rem_1fr_3rem] items-center gap-3 text-sm">
            <span className="font-semibold whitespace-nowrap text-slate-600">Group average</span>
            <Bar percent={averagePercent} tone="slate" />
            <span className="text-right font-semibold text-slate-600 tabular-nums">
              {averagePercent}%
            </span>
          </div>
        </figure>
      ) : null}

      <div className="flex flex-col gap-2">
        <h3 className="flex items-center gap-2 text-sm font-bold text-slate-900">
          <Medal aria-hidden className="size-4 text-amber-500" />
          Leaderboard
        </h3>
        <ol aria-label="Leaderboard" className="flex flex-col gap-1.5">
          {results.participants.map((participant) => {
            const isMe = participant.userId === currentUserId
            return (
              <li
                key={participant.userId}
                className={clsx(
                  'flex items-center gap-3 rounded-xl px-3 py-2 ring-1',
                  isMe ? 'bg-brand-50 ring-brand-200' : 'bg-white ring-slate-100',
                  participant.leftGroup && 'bg-slate-50',
                )}
              >
                <span
                  className={clsx(
                    'grid size-8 shrink-0 place-items-center rounded-full text-sm font-extrabold tabular-nums ring-1',
                    rankTone(participant.rank),
                  )}
                >
                  <span className="sr-only">Rank </span>
                  {participant.rank}
                </span>
                <span
                  aria-hidden
                  className="hidden size-8 shrink-0 place-items-center rounded-full bg-linear-to-br from-brand-100 to-fuchsia-100 text-xs font-bold text-brand-700 min-[400px]:grid"
                >
                  {initialsOf(participant.name) || '?'}
                </span>
                <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-0.5">
                  <span
                    className={clsx(
                      'truncate font-semibold',
                      participant.leftGroup ? 'text-slate-600' : 'text-slate-900',
                    )}
                  >
                    {participant.name}
                    {isMe ? <span className="font-normal text-slate-600"> (you)</span> : null}
                  </span>
                  {participant.late ? <Badge tone="warning">Late</Badge> : null}
                  {participant.leftGroup ? <Badge>Left the group</Badge> : null}
                  {participant.completedAt === null && !participant.leftGroup ? (
                    <Badge>In progress</Badge>
                  ) : null}
                </span>
                <span className="font-bold text-slate-900 tabular-nums">
                  {participant.score}/{total}
                </span>
              </li>
            )
          })}
        </ol>
      </div>

      <div className="flex flex-col gap-2">
        <h3 className="flex items-center gap-2 text-sm font-bold text-slate-900">
          <BarChart3 aria-hidden className="size-4 text-brand-600" />
          Correct answers per question
        </h3>
        <ol className="flex flex-col gap-3">
          {results.questions.map((question, index) => {
            const percent = toPercent(question.correctCount, question.answeredCount)
            return (
              <li key={question.questionId} className="flex flex-col gap-1">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className="min-w-0 text-slate-800">
                    <span className="font-bold text-brand-700">Q{index + 1}</span> {question.prompt}
                  </span>
                  <span className="shrink-0 font-semibold text-slate-700 tabular-nums">
                    {question.answeredCount === 0 ? '—' : `${percent}%`}
                  </span>
                </div>
                <Bar percent={percent} tone="emerald" />
                <span className="text-xs text-slate-500">
                  {question.answeredCount === 0
                    ? 'Not answered yet'
                    : `${question.correctCount} of ${question.answeredCount} correct`}
                </span>
              </li>
            )
          })}
        </ol>
      </div>
    </div>
  )
}

interface SessionResultsProps {
  groupId: string
  sessionId: string
  /** Highlights this participant and compares them with the group. */
  currentUserId?: string
  /** Poll while the session is open: others are still answering. */
  isLive: boolean
  /** The session's channel is connected and refetches the results when someone finishes. */
  isPushed?: boolean
  title?: string
}

/** A session's results next to the group: rank, score against the average, leaderboard, per question. */
export function SessionResults({
  groupId,
  sessionId,
  currentUserId,
  isLive,
  isPushed = false,
  title = 'Group results',
}: SessionResultsProps) {
  const results = useSessionResults(groupId, sessionId, isLive, isPushed)

  let content: ReactNode
  if (results.isPending) content = <ListSkeleton rows={3} label="Loading the group’s results…" />
  else if (results.isError) {
    content = (
      <ErrorAlert
        error={results.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => results.refetch()}>
            Try again
          </Button>
        }
      />
    )
  } else if (results.data.participants.length === 0) {
    content = (
      <EmptyState icon={Users} title="No one has taken part yet">
        Results appear here as soon as members start answering.
      </EmptyState>
    )
  } else {
    content = <Comparison results={results.data} currentUserId={currentUserId} />
  }

  return (
    <Section
      id={`results-${sessionId}`}
      title={title}
      icon={Trophy}
      description={
        isLive
          ? 'Updating live while the session is open'
          : 'Final results of everyone who took part'
      }
      action={
        isLive ? (
          <span className="inline-flex shrink-0 items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-semibold text-emerald-700 ring-1 ring-emerald-200">
            <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />
            Live
          </span>
        ) : null
      }
    >
      {content}
    </Section>
  )
}
