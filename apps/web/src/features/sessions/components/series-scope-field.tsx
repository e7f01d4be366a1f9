import { type GroupSession, type SeriesScope, seriesScopeSchema } from '@loopquiz/contract'
import { useId } from 'react'
import { seriesScopeLabels } from '../utils/labels'

/** An occurrence of a recurring series: a change to it may be meant for more of the series. */
export function isSeriesOccurrence(session: Pick<GroupSession, 'sessionType' | 'seriesId'>) {
  return session.sessionType === 'recurring' || session.seriesId !== null
}

interface SeriesScopeFieldProps {
  legend: string
  value: SeriesScope
  onChange: (scope: SeriesScope) => void
}

/** "This session / This and following sessions / All sessions in the series", as calendars ask. */
export function SeriesScopeField({ legend, value, onChange }: SeriesScopeFieldProps) {
  const name = useId()
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-semibold text-slate-800">{legend}</legend>
      {seriesScopeSchema.options.map((scope) => (
        <label
          key={scope}
          className="flex cursor-pointer items-center gap-2.5 rounded-xl p-2.5 text-sm font-medium text-slate-800 ring-1 ring-slate-200 ring-inset has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-500 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
        >
          <input
            type="radio"
            name={name}
            value={scope}
            checked={value === scope}
            onChange={() => onChange(scope)}
            className="size-4 accent-brand-600"
          />
          {seriesScopeLabels[scope]}
        </label>
      ))}
    </fieldset>
  )
}
