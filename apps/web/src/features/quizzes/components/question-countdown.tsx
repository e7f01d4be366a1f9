import clsx from 'clsx'
import { Timer } from 'lucide-react'
import { formatSeconds } from '../../../lib/format'
import { countdownAnnouncement } from '../utils/countdown'

interface QuestionCountdownProps {
  limitMs: number
  /** Null until the server has noted the opening: the full limit is shown, standing still. */
  timeLeftMs: number | null
}

/** The time left to answer: seconds and a shrinking bar. */
export function QuestionCountdown({ limitMs, timeLeftMs }: QuestionCountdownProps) {
  // The clock offset carries the reply's travel time: never show more than the whole limit.
  const leftMs = Math.min(timeLeftMs ?? limitMs, limitMs)
  const secondsLeft = Math.ceil(leftMs / 1_000)
  // The last third of the time, and at most the last five seconds, shows in red.
  const isLow = secondsLeft <= Math.min(5, Math.ceil(limitMs / 3_000))
  const percent = Math.min(100, (leftMs / limitMs) * 100)
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="inline-flex items-center gap-1.5 font-semibold text-slate-700">
          <Timer aria-hidden className="size-4" />
          Time left
        </span>
        <span
          role="timer"
          aria-label="Time left to answer"
          className={clsx(
            'rounded-full px-2.5 py-0.5 font-bold tabular-nums',
            isLow ? 'bg-rose-100 text-rose-800' : 'bg-slate-100 text-slate-800',
          )}
        >
          {formatSeconds(secondsLeft)}
        </span>
      </div>
      <div aria-hidden className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        <div
          className={clsx(
            'h-full rounded-full transition-[width] duration-300 ease-linear motion-reduce:transition-none',
            isLow ? 'bg-rose-500' : 'bg-amber-500',
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p aria-live="polite" className="sr-only">
        {timeLeftMs === null || secondsLeft === 0
          ? ''
          : countdownAnnouncement(secondsLeft, limitMs / 1_000)}
      </p>
    </div>
  )
}
