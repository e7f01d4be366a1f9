import type { Standing } from '@loopquiz/contract'
import clsx from 'clsx'

interface LiveLeaderboardProps {
  standings: readonly Standing[]
  /** Highlights this participant's row ("You"). */
  myUserId?: string
}

const points = new Intl.NumberFormat('en-GB')

/** The top of the standings between questions: rank, name, score and what the last question added. */
export function LiveLeaderboard({ standings, myUserId }: LiveLeaderboardProps) {
  if (standings.length === 0) {
    return <p className="text-center text-slate-600">Nobody has scored yet.</p>
  }
  return (
    <ol aria-label="Leaderboard" className="flex flex-col gap-2">
      {standings.map((standing) => {
        const isMe = standing.userId === myUserId
        return (
          <li
            key={standing.userId}
            className={clsx(
              'flex items-center gap-3 rounded-xl px-4 py-3 shadow-xs ring-1 ring-inset',
              isMe ? 'bg-brand-50 ring-brand-300' : 'bg-white ring-slate-200',
            )}
          >
            <span
              aria-hidden
              className={clsx(
                'grid size-9 shrink-0 place-items-center rounded-full text-sm font-black',
                standing.rank === 1
                  ? 'bg-amber-300 text-amber-950'
                  : standing.rank === 2
                    ? 'bg-slate-300 text-slate-900'
                    : standing.rank === 3
                      ? 'bg-orange-300 text-orange-950'
                      : 'bg-slate-100 text-slate-700',
              )}
            >
              {standing.rank}
            </span>
            <span className="min-w-0 flex-1 truncate font-semibold text-slate-900">
              <span className="sr-only">Rank {standing.rank}: </span>
              {standing.name}
              {isMe ? <span className="ml-1.5 text-sm font-bold text-brand-700">(you)</span> : null}
            </span>
            <span className="flex shrink-0 flex-col items-end">
              <span className="font-black text-slate-900 tabular-nums">
                {points.format(standing.score)}
                <span className="sr-only"> points</span>
              </span>
              {standing.lastPoints > 0 ? (
                <span className="text-xs font-semibold text-emerald-700 tabular-nums">
                  +{points.format(standing.lastPoints)}
                  <span className="sr-only"> on the last question</span>
                </span>
              ) : null}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
