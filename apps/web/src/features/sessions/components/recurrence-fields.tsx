import clsx from 'clsx'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { MAX_OCCURRENCES, weekdaysFromMonday } from '../utils/recurrence'

export interface RecurrenceValue {
  isWeekly: boolean
  /** 0 = Sunday … 6 = Saturday */
  days: number[]
  count: string
}

interface RecurrenceFieldsProps {
  value: RecurrenceValue
  onChange: (value: RecurrenceValue) => void
  /** The weekday of the first session, ticked when weekly repetition is switched on. */
  firstWeekday: number | null
  errors: { days?: string; count?: string }
}

/** None, or weekly on chosen weekdays for a number of sessions. */
export function RecurrenceFields({ value, onChange, firstWeekday, errors }: RecurrenceFieldsProps) {
  return (
    <div className="flex flex-col gap-3">
      <SelectField
        label="Repeat"
        className="sm:max-w-xs"
        value={value.isWeekly ? 'weekly' : 'none'}
        onChange={(event) => {
          const isWeekly = event.target.value === 'weekly'
          const days =
            isWeekly && value.days.length === 0 && firstWeekday !== null
              ? [firstWeekday]
              : value.days
          onChange({ ...value, isWeekly, days })
        }}
      >
        <option value="none">Does not repeat</option>
        <option value="weekly">Weekly</option>
      </SelectField>
      {value.isWeekly ? (
        <div className="flex flex-col gap-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-semibold text-slate-800">On</legend>
            <div className="flex flex-wrap gap-1.5">
              {weekdaysFromMonday.map((day) => {
                const isChecked = value.days.includes(day.value)
                return (
                  <label
                    key={day.value}
                    className={clsx(
                      'grid h-9 min-w-11 cursor-pointer place-items-center rounded-lg px-2 text-sm font-semibold ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                      isChecked
                        ? 'bg-brand-600 text-white ring-brand-600'
                        : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-100',
                    )}
                  >
                    <input
                      type="checkbox"
                      className="sr-only"
                      checked={isChecked}
                      onChange={(event) =>
                        onChange({
                          ...value,
                          days: event.target.checked
                            ? [...value.days, day.value]
                            : value.days.filter((d) => d !== day.value),
                        })
                      }
                    />
                    <span aria-hidden>{day.short}</span>
                    <span className="sr-only">{day.long}</span>
                  </label>
                )
              })}
            </div>
            {errors.days ? (
              <p className="text-sm font-medium text-rose-700">{errors.days}</p>
            ) : null}
          </fieldset>
          <TextField
            label="Number of sessions"
            type="number"
            inputMode="numeric"
            min={2}
            max={MAX_OCCURRENCES}
            className="sm:max-w-48"
            hint="Including the first one."
            value={value.count}
            onChange={(event) => onChange({ ...value, count: event.target.value })}
            error={errors.count}
          />
        </div>
      ) : null}
    </div>
  )
}
