import type { NextStart } from '@loopquiz/contract'
import { CalendarClock, Globe2 } from 'lucide-react'
import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/text-field'
import {
  browserTimeZone,
  formatDateTimeIn,
  formatTimeIn,
  isSameDay,
  isSameWallClock,
  type WallTime,
  wallTimeToInstant,
  zoneLabel,
} from '../../../lib/zoned-time'

interface ZonedDateTimeFieldsProps {
  value: WallTime
  onChange: (value: WallTime) => void
  /** The group's zone: what the inputs mean. */
  timeZone: string
  error?: string
  /** What the moment is, e.g. "Accept late answers until"; "Starts at" by default. */
  legend?: string
  /** The earliest start the group allows: shown, and offered while another time is picked. */
  suggestion?: NextStart | undefined
  onUseSuggestion?: () => void
}

/**
 * Date and time typed on the group's wall clock, with the same moment in the viewer's own zone
 * shown live underneath, so nobody has to do time-zone arithmetic in their head.
 */
export function ZonedDateTimeFields({
  value,
  onChange,
  timeZone,
  error,
  legend = 'Starts at',
  suggestion,
  onUseSuggestion,
}: ZonedDateTimeFieldsProps) {
  const viewerZone = browserTimeZone()
  const instant = wallTimeToInstant(value, timeZone)
  const equivalentId = useId()
  const errorId = useId()
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={error ? `${errorId} ${equivalentId}` : equivalentId}
    >
      <legend className="mb-1.5 text-sm font-semibold text-slate-800">
        {legend}{' '}
        <span className="font-normal text-slate-500">(group time, {zoneLabel(timeZone)})</span>
      </legend>
      <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
        <TextField
          label="Date"
          type="date"
          required
          value={value.date}
          onChange={(event) => onChange({ ...value, date: event.target.value })}
          aria-invalid={error ? true : undefined}
        />
        <TextField
          label="Time"
          type="time"
          required
          value={value.time}
          onChange={(event) => onChange({ ...value, time: event.target.value })}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
      <p
        id={equivalentId}
        aria-live="polite"
        className="flex items-start gap-1.5 text-sm text-slate-600"
      >
        <Globe2 aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
        {instant === null ? (
          <span>Pick a date and a time.</span>
        ) : isSameWallClock(instant, timeZone, viewerZone) ? (
          <span>Same time where you are ({zoneLabel(viewerZone)}).</span>
        ) : (
          <span>
            That is{' '}
            <span className="font-semibold text-slate-900">
              {formatDateTimeIn(instant, viewerZone)}
            </span>{' '}
            your time ({zoneLabel(viewerZone)}).
          </span>
        )}
      </p>
      {suggestion ? (
        <EarliestStart
          suggestion={suggestion}
          picked={instant}
          timeZone={timeZone}
          viewerZone={viewerZone}
          onUse={onUseSuggestion}
        />
      ) : null}
    </fieldset>
  )
}

interface EarliestStartProps {
  suggestion: NextStart
  picked: Date | null
  timeZone: string
  viewerZone: string
  onUse: (() => void) | undefined
}

/** "Earliest time the group allows: Tue 8 Dec, 18:00 (your time 12:00)", with a way back to it. */
function EarliestStart({ suggestion, picked, timeZone, viewerZone, onUse }: EarliestStartProps) {
  const { startsAt } = suggestion
  if (startsAt === null) {
    return (
      <p className="flex items-start gap-1.5 rounded-lg bg-amber-50 p-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
        <CalendarClock aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>{suggestion.reason ?? 'No start time fits the group’s rules.'}</span>
      </p>
    )
  }
  const isPicked = picked !== null && picked.getTime() === Date.parse(startsAt)
  const yourTime = isSameWallClock(startsAt, timeZone, viewerZone)
    ? null
    : isSameDay(startsAt, timeZone, viewerZone)
      ? formatTimeIn(startsAt, viewerZone)
      : formatDateTimeIn(startsAt, viewerZone)
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
      <p className="flex items-start gap-1.5">
        <CalendarClock aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
        <span>
          Earliest time the group allows:{' '}
          <span className="font-semibold text-slate-900">
            {formatDateTimeIn(startsAt, timeZone)}
          </span>
          {yourTime ? ` (your time ${yourTime})` : ''}
        </span>
      </p>
      {!isPicked && onUse ? (
        <Button variant="secondary" size="sm" onClick={onUse}>
          Use it
        </Button>
      ) : null}
    </div>
  )
}
