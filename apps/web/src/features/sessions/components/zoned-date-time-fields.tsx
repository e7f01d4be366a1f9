import { Globe2 } from 'lucide-react'
import { useId } from 'react'
import { TextField } from '../../../components/ui/text-field'
import {
  browserTimeZone,
  formatDateTimeIn,
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
    </fieldset>
  )
}
