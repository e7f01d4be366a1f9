import type { TimeSlot } from '@loopquiz/contract'
import clsx from 'clsx'
import { Plus, Trash2 } from 'lucide-react'
import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import { randomId } from '../../../lib/random-id'

const MAX_SLOTS = 21

const days = [
  { value: 0, short: 'Sun', long: 'Sunday' },
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
]

/** A slot as edited: `key` keeps rows stable while they are added and removed. */
export interface TimeSlotRow {
  key: string
  days: number[]
  start: string
  end: string
}

export function toTimeSlotRows(slots: TimeSlot[] | undefined): TimeSlotRow[] {
  return (slots ?? []).map((slot, index) => ({
    key: `saved-${index}`,
    days: slot.days ?? days.map((day) => day.value),
    start: slot.start,
    end: slot.end,
  }))
}

/** Rows back to settings; every day ticked (or none) means "every day", which the API spells as no days. */
export function toTimeSlots(rows: TimeSlotRow[]): TimeSlot[] {
  return rows.map((row) => {
    const sorted = [...row.days].sort((a, b) => a - b)
    const isEveryDay = sorted.length === 0 || sorted.length === days.length
    return isEveryDay
      ? { start: row.start, end: row.end }
      : { days: sorted, start: row.start, end: row.end }
  })
}

/** The index of the first row that ends before it starts, if any. */
export function firstInvalidSlot(rows: TimeSlotRow[]): number {
  return rows.findIndex((row) => !row.start || !row.end || row.start >= row.end)
}

interface TimeSlotsEditorProps {
  rows: TimeSlotRow[]
  onChange: (rows: TimeSlotRow[]) => void
  timezone: string
  /** Index of a row to flag as wrong. */
  invalidIndex: number
}

/** Weekly windows when sessions may be scheduled: days, start and end per row; none = any time. */
export function TimeSlotsEditor({ rows, onChange, timezone, invalidIndex }: TimeSlotsEditorProps) {
  const hintId = useId()
  const update = (index: number, change: Partial<TimeSlotRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))

  return (
    <fieldset aria-describedby={hintId} className="flex flex-col gap-3">
      <legend className="text-sm font-semibold text-slate-800">Allowed time slots</legend>
      <p id={hintId} className="-mt-1 text-xs text-slate-500">
        Scheduled sessions must fall inside one of these windows, in the group’s time zone (
        {timezone.replaceAll('_', ' ')}). No slots means any time.
      </p>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-4 py-3 text-sm text-slate-600">
          Any time: sessions can be scheduled on every day, at every hour.
        </p>
      ) : (
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const label = `Time slot ${index + 1}`
            const isInvalid = index === invalidIndex
            return (
              <li
                key={row.key}
                className={clsx(
                  'flex flex-col gap-3 rounded-xl p-3 ring-1 sm:p-4',
                  isInvalid ? 'bg-rose-50/50 ring-rose-300' : 'bg-slate-50 ring-slate-200',
                )}
              >
                <fieldset className="flex flex-col gap-3">
                  <legend className="sr-only">{label}</legend>
                  <div className="flex items-center justify-between gap-2">
                    <p aria-hidden className="text-sm font-semibold text-slate-700">
                      {label}
                    </p>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      <Trash2 aria-hidden className="size-4" />
                      Remove
                      <span className="sr-only"> {label.toLowerCase()}</span>
                    </Button>
                  </div>
                  <div className="flex flex-wrap gap-1.5">
                    {days.map((day) => {
                      const isChecked = row.days.includes(day.value)
                      return (
                        <label
                          key={day.value}
                          className={clsx(
                            'inline-flex h-9 min-w-12 cursor-pointer items-center justify-center gap-1.5 rounded-lg px-2.5 text-sm font-semibold ring-1 ring-inset transition-colors',
                            'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                            isChecked
                              ? 'bg-brand-600 text-white ring-brand-600'
                              : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
                          )}
                        >
                          <input
                            type="checkbox"
                            className="sr-only"
                            checked={isChecked}
                            onChange={(event) =>
                              update(index, {
                                days: event.target.checked
                                  ? [...row.days, day.value]
                                  : row.days.filter((value) => value !== day.value),
                              })
                            }
                          />
                          <span aria-hidden>{day.short}</span>
                          <span className="sr-only">{day.long}</span>
                        </label>
                      )
                    })}
                  </div>
                  {row.days.length === 0 ? (
                    <p className="-mt-1 text-xs text-slate-500">No day ticked: every day.</p>
                  ) : null}
                  <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
                    <TimeInput
                      label="Start"
                      value={row.start}
                      isInvalid={isInvalid}
                      onChange={(start) => update(index, { start })}
                    />
                    <TimeInput
                      label="End"
                      value={row.end}
                      isInvalid={isInvalid}
                      onChange={(end) => update(index, { end })}
                    />
                  </div>
                  {isInvalid ? (
                    <p className="text-sm font-medium text-rose-700">
                      The slot must end after it starts.
                    </p>
                  ) : null}
                </fieldset>
              </li>
            )
          })}
        </ol>
      )}
      {rows.length < MAX_SLOTS ? (
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          onClick={() =>
            onChange([
              ...rows,
              { key: randomId(), days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
            ])
          }
        >
          <Plus aria-hidden className="size-4" />
          Add time slot
        </Button>
      ) : null}
    </fieldset>
  )
}

function TimeInput({
  label,
  value,
  isInvalid,
  onChange,
}: {
  label: string
  value: string
  isInvalid: boolean
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="time"
        required
        value={value}
        aria-invalid={isInvalid || undefined}
        onChange={(event) => onChange(event.target.value)}
        className={clsx(
          'h-10 w-full rounded-lg border bg-white px-2.5 text-base text-slate-900 tabular-nums shadow-xs',
          'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
          isInvalid ? 'border-rose-400' : 'border-slate-300',
        )}
      />
    </div>
  )
}
