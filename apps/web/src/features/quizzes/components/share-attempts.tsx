import type { ShareAttempt } from '@loopquiz/contract'
import { Users } from 'lucide-react'
import { Badge } from '../../../components/ui/badge'
import { EmptyState } from '../../../components/ui/empty-state'
import { formatDateTime, formatSeconds } from '../../../lib/format'

function durationText(attempt: ShareAttempt) {
  return attempt.durationSeconds === null ? 'In progress' : formatSeconds(attempt.durationSeconds)
}

function KindBadge({ attempt }: { attempt: ShareAttempt }) {
  return attempt.kind === 'account' ? <Badge tone="brand">Signed in</Badge> : <Badge>Guest</Badge>
}

function StatusText({ attempt }: { attempt: ShareAttempt }) {
  return attempt.status === 'finished' ? (
    <span className="text-emerald-700">Finished</span>
  ) : (
    <span className="text-amber-800">In progress</span>
  )
}

/** Who took a share: a table on wide screens, a card per attempt on a phone. */
export function ShareAttempts({ attempts, total }: { attempts: ShareAttempt[]; total: number }) {
  if (attempts.length === 0) {
    return (
      <EmptyState icon={Users} title="No attempts yet">
        Nobody has taken this quiz yet. Send the link to someone.
      </EmptyState>
    )
  }
  // Attempts carry no id the author may see; their start time and name tell them apart.
  const keyOf = (attempt: ShareAttempt, index: number) =>
    `${attempt.startedAt}-${attempt.displayName}-${index}`
  return (
    <div className="flex flex-col gap-3">
      {total > attempts.length ? (
        <p className="text-sm text-slate-600">
          The latest {attempts.length} of {total} attempts. The CSV download has them all.
        </p>
      ) : null}
      <div className="hidden sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Attempts at this quiz, newest first</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Name
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">
                Score
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">
                Correct
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">
                Time taken
              </th>
              <th scope="col" className="py-2 font-semibold">
                Started
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {attempts.map((attempt, index) => (
              <tr key={keyOf(attempt, index)}>
                <td className="py-2.5 pr-3">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold break-all text-slate-900">
                      {attempt.displayName}
                    </span>
                    <KindBadge attempt={attempt} />
                  </span>
                </td>
                <td className="py-2.5 pr-3 font-medium">
                  <StatusText attempt={attempt} />
                </td>
                <td className="py-2.5 pr-3 text-right tabular-nums text-slate-900">
                  {attempt.score} / {attempt.maxScore}
                </td>
                <td className="py-2.5 pr-3 text-right tabular-nums text-slate-700">
                  {attempt.correctCount} of {attempt.questionCount}
                </td>
                <td className="py-2.5 pr-3 text-right tabular-nums text-slate-700">
                  {durationText(attempt)}
                </td>
                <td className="py-2.5 text-slate-700">{formatDateTime(attempt.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="flex flex-col gap-3 sm:hidden">
        {attempts.map((attempt, index) => (
          <li
            key={keyOf(attempt, index)}
            className="flex flex-col gap-2 rounded-xl p-3 ring-1 ring-slate-200 ring-inset"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-semibold break-all text-slate-900">{attempt.displayName}</span>
              <KindBadge attempt={attempt} />
            </div>
            <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <div>
                <dt className="text-slate-500">Score</dt>
                <dd className="font-semibold text-slate-900">
                  {attempt.score} / {attempt.maxScore}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Correct</dt>
                <dd className="font-semibold text-slate-900">
                  {attempt.correctCount} of {attempt.questionCount}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Status</dt>
                <dd className="font-semibold">
                  <StatusText attempt={attempt} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Time taken</dt>
                <dd className="font-semibold text-slate-900">{durationText(attempt)}</dd>
              </div>
              <div className="col-span-2">
                <dt className="text-slate-500">Started</dt>
                <dd className="text-slate-900">{formatDateTime(attempt.startedAt)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  )
}
