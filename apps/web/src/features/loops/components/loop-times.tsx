import { formatClock, parseClock } from '@loopquiz/editor'
import clsx from 'clsx'
import { Crosshair, Minus, Plus } from 'lucide-react'
import { useId, useState } from 'react'
import { Button } from '../../../components/ui/button'

const NUDGE_S = 0.5
const MAX_S = 86_400

/** A time as shown: the tenth of a second the clock displays is also what is saved. */
export function toTenths(seconds: number): number {
  return Math.min(MAX_S, Math.max(0, Math.round(seconds * 10) / 10))
}

interface TimeRowProps {
  /** "Start" or "End". */
  label: string
  value: number | null
  onChange: (seconds: number) => void
  /** Shows the player where a typed or nudged time is. */
  onSeek: (seconds: number) => void
  getCurrentTime: () => number | null
  isPlayerReady: boolean
  error?: string
}

/** One end of the loop: typed as m:ss.s, taken from the player, or nudged by half a second. */
function TimeRow({
  label,
  value,
  onChange,
  onSeek,
  getCurrentTime,
  isPlayerReady,
  error,
}: TimeRowProps) {
  const id = useId()
  const lower = label.toLowerCase()
  // What is being typed, until it is read on leaving the field; null shows the value.
  const [typed, setTyped] = useState<string | null>(null)
  const typedSeconds = typed === null ? null : parseClock(typed)
  const typedError =
    typed !== null && typed.trim() !== '' && typedSeconds === null
      ? 'Type a time like 1:15.3'
      : undefined
  const shownError = typedError ?? error
  const errorId = `${id}-error`

  function commitTyped() {
    if (typed === null) return
    if (typedSeconds !== null) {
      const seconds = toTenths(typedSeconds)
      onChange(seconds)
      onSeek(seconds)
      setTyped(null)
    } else if (typed.trim() === '') setTyped(null)
  }

  function nudge(by: number) {
    const from = value ?? getCurrentTime() ?? 0
    const seconds = toTenths(from + by)
    setTyped(null)
    onChange(seconds)
    onSeek(seconds)
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          value={typed ?? (value === null ? '' : formatClock(value))}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={commitTyped}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              commitTyped()
            }
          }}
          placeholder="0:00.0"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          className={clsx(
            'h-10 w-28 rounded-xl border bg-white px-3 text-base text-slate-900 tabular-nums shadow-xs placeholder:text-slate-400',
            'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
            shownError ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
          )}
        />
        <Button
          variant="secondary"
          size="sm"
          disabled={!isPlayerReady}
          onClick={() => {
            const now = getCurrentTime()
            if (now === null) return
            setTyped(null)
            onChange(toTenths(now))
          }}
        >
          <Crosshair aria-hidden className="size-4" />
          Set {lower}
        </Button>
        <div className="flex items-center gap-1">
          <Button
            variant="ghost"
            size="sm"
            className="px-2 ring-1 ring-slate-200 ring-inset"
            onClick={() => nudge(-NUDGE_S)}
          >
            <Minus aria-hidden className="size-3.5" />
            <span className="sr-only">{label} </span>0.5 s<span className="sr-only"> earlier</span>
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="px-2 ring-1 ring-slate-200 ring-inset"
            onClick={() => nudge(NUDGE_S)}
          >
            <Plus aria-hidden className="size-3.5" />
            <span className="sr-only">{label} </span>0.5 s<span className="sr-only"> later</span>
          </Button>
        </div>
      </div>
      {shownError ? (
        <p id={errorId} className="text-sm font-medium text-rose-700">
          {shownError}
        </p>
      ) : null}
    </div>
  )
}

interface LoopTimesProps {
  startS: number | null
  endS: number | null
  onChange: (change: { startS?: number; endS?: number }) => void
  onSeek: (seconds: number) => void
  getCurrentTime: () => number | null
  isPlayerReady: boolean
}

/** Where the loop starts and ends, and how long it lasts. */
export function LoopTimes({
  startS,
  endS,
  onChange,
  onSeek,
  getCurrentTime,
  isPlayerReady,
}: LoopTimesProps) {
  const isBackwards = startS !== null && endS !== null && endS <= startS
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="sr-only">Loop start and end</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <TimeRow
          label="Start"
          value={startS}
          onChange={(seconds) => onChange({ startS: seconds })}
          onSeek={onSeek}
          getCurrentTime={getCurrentTime}
          isPlayerReady={isPlayerReady}
        />
        <TimeRow
          label="End"
          value={endS}
          onChange={(seconds) => onChange({ endS: seconds })}
          onSeek={onSeek}
          getCurrentTime={getCurrentTime}
          isPlayerReady={isPlayerReady}
          error={isBackwards ? 'The loop must end after it starts.' : undefined}
        />
      </div>
      {startS !== null && endS !== null && !isBackwards ? (
        <p className="text-sm text-slate-600">
          The loop lasts{' '}
          <span className="font-semibold tabular-nums">{formatClock(endS - startS)}</span>.
        </p>
      ) : null}
    </fieldset>
  )
}
