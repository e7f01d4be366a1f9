import clsx from 'clsx'
import { Pause } from 'lucide-react'
import { liveCountdownAnnouncement, wholeSeconds } from '../utils/live-clock'

interface LiveCountdownProps {
  msLeft: number
  /** The question's whole time, for the ring; null draws it full. */
  limitMs: number | null
  isPaused: boolean
  size?: 'md' | 'lg'
}

const RADIUS = 44
const CIRCUMFERENCE = 2 * Math.PI * RADIUS

/**
 * The shared countdown: whole seconds in a shrinking ring. The number changes every second; the
 * polite live region only at the last seconds and on a pause, so a screen reader is not flooded.
 */
export function LiveCountdown({ msLeft, limitMs, isPaused, size = 'lg' }: LiveCountdownProps) {
  const seconds = wholeSeconds(msLeft)
  const fraction = limitMs ? Math.min(1, msLeft / limitMs) : 1
  const isLow = !isPaused && seconds <= 5
  return (
    <div className="flex flex-col items-center gap-1">
      <div className={clsx('relative', size === 'lg' ? 'size-28 sm:size-32' : 'size-20')}>
        <svg aria-hidden viewBox="0 0 100 100" className="size-full -rotate-90">
          <circle
            cx="50"
            cy="50"
            r={RADIUS}
            className="fill-white stroke-slate-200"
            strokeWidth="8"
          />
          <circle
            cx="50"
            cy="50"
            r={RADIUS}
            fill="none"
            strokeWidth="8"
            strokeLinecap="round"
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
            className={clsx(
              'transition-[stroke-dashoffset] duration-100 ease-linear motion-reduce:transition-none',
              isPaused ? 'stroke-slate-400' : isLow ? 'stroke-rose-600' : 'stroke-brand-600',
            )}
          />
        </svg>
        <span
          role="timer"
          aria-label={isPaused ? 'Time left (paused)' : 'Time left'}
          className={clsx(
            'absolute inset-0 grid place-items-center font-black tabular-nums',
            size === 'lg' ? 'text-4xl sm:text-5xl' : 'text-2xl',
            isLow ? 'text-rose-700' : 'text-slate-900',
          )}
        >
          {seconds}
        </span>
      </div>
      {isPaused ? (
        <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-semibold text-slate-700">
          <Pause aria-hidden className="size-3.5" />
          Paused
        </span>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {liveCountdownAnnouncement(seconds, isPaused)}
      </p>
    </div>
  )
}
