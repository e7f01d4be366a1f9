import type { Standing } from '@loopquiz/contract'
import clsx from 'clsx'
import { Trophy } from 'lucide-react'

const points = new Intl.NumberFormat('en-GB')

// Read first to third; shown second, first, third from left to right, as podiums stand.
const places = [
  {
    rank: 1,
    order: 'order-2',
    height: 'h-32 sm:h-44',
    block: 'bg-amber-300 text-amber-950',
    label: '1st',
  },
  {
    rank: 2,
    order: 'order-1',
    height: 'h-24 sm:h-32',
    block: 'bg-slate-300 text-slate-900',
    label: '2nd',
  },
  {
    rank: 3,
    order: 'order-3',
    height: 'h-16 sm:h-24',
    block: 'bg-orange-300 text-orange-950',
    label: '3rd',
  },
] as const

/** The end of a live session: the top three on their steps. */
export function LivePodium({
  standings,
  myUserId,
}: {
  standings: readonly Standing[]
  myUserId?: string
}) {
  const byRank = (rank: number) => standings.find((standing) => standing.rank === rank)
  return (
    <ol aria-label="Podium" className="grid grid-cols-3 items-end gap-2 sm:gap-4">
      {places.map((place) => {
        const standing = byRank(place.rank)
        const isMe = standing !== undefined && standing.userId === myUserId
        return (
          <li
            key={place.rank}
            className={clsx('flex min-w-0 flex-col items-center gap-2 text-center', place.order)}
          >
            {standing ? (
              <>
                {place.rank === 1 ? (
                  <Trophy aria-hidden className="size-8 text-amber-500 sm:size-10" />
                ) : null}
                <span
                  className={clsx(
                    'line-clamp-2 w-full font-extrabold break-words text-slate-900',
                    place.rank === 1 ? 'text-lg sm:text-2xl' : 'text-base sm:text-xl',
                  )}
                >
                  <span className="sr-only">{place.label}: </span>
                  {standing.name}
                  {isMe ? (
                    <span className="block text-sm font-bold text-brand-700">(you)</span>
                  ) : null}
                </span>
                <span className="text-sm font-bold text-slate-700 tabular-nums">
                  {points.format(standing.score)} points
                </span>
              </>
            ) : (
              <span className="text-sm text-slate-600">
                <span className="sr-only">{place.label}: </span>Nobody
              </span>
            )}
            <span
              aria-hidden
              className={clsx(
                'grid w-full place-items-center rounded-t-xl text-2xl font-black sm:text-4xl',
                place.height,
                place.block,
              )}
            >
              {place.rank}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
