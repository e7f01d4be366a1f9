import { sessionStatusSchema, sessionTypeSchema } from '@loopquiz/contract'
import { FilterX } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { zoneLabel } from '../../../lib/zoned-time'
import type { SessionFilterValues } from '../hooks/use-session-filters'
import { statusLabels, typeLabels } from '../utils/labels'

const views = [
  { value: 'all', label: 'All sessions' },
  { value: 'upcoming', label: 'Upcoming' },
] as const

/** A select's value when it names a known option; "" (any) otherwise. */
function anyOr<T>(parsed: { success: true; data: T } | { success: false }): T | '' {
  return parsed.success ? parsed.data : ''
}

interface SessionFiltersProps {
  values: SessionFilterValues
  onChange: (next: Partial<SessionFilterValues>) => void
  onClear: () => void
  isFiltered: boolean
  /** Who may appear as creator: the group's members. */
  creators: { id: string; name: string }[]
  timeZone: string
}

/** All or upcoming; status, type, creator, date range and order of the Sessions list; in the URL. */
export function SessionFilters({
  values,
  onChange,
  onClear,
  isFiltered,
  creators,
  timeZone,
}: SessionFiltersProps) {
  return (
    <search aria-label="Filter sessions" className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="sr-only">Show</legend>
        <div className="inline-flex w-fit rounded-xl bg-slate-100 p-1">
          {views.map((view) => (
            <label
              key={view.value}
              className="cursor-pointer rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-600 transition-colors hover:text-slate-900 has-checked:bg-white has-checked:text-brand-700 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input
                type="radio"
                name="session-view"
                value={view.value}
                checked={values.view === view.value}
                onChange={() => onChange({ view: view.value })}
                className="sr-only"
              />
              {view.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <SelectField
          label="Status"
          value={values.status}
          onChange={(event) =>
            onChange({ status: anyOr(sessionStatusSchema.safeParse(event.target.value)) })
          }
        >
          <option value="">Any status</option>
          {sessionStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Type"
          value={values.type}
          onChange={(event) =>
            onChange({ type: anyOr(sessionTypeSchema.safeParse(event.target.value)) })
          }
        >
          <option value="">Any type</option>
          {sessionTypeSchema.options.map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Created by"
          value={values.createdBy}
          onChange={(event) => onChange({ createdBy: event.target.value })}
        >
          <option value="">Anyone</option>
          {creators.map((creator) => (
            <option key={creator.id} value={creator.id}>
              {creator.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="From"
          type="date"
          value={values.from}
          max={values.to || undefined}
          onChange={(event) => onChange({ from: event.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={values.to}
          min={values.from || undefined}
          onChange={(event) => onChange({ to: event.target.value })}
        />
        {values.view === 'upcoming' ? null : (
          <SelectField
            label="Order"
            value={values.order}
            onChange={(event) =>
              onChange({ order: event.target.value === 'soonest' ? 'soonest' : 'newest' })
            }
          >
            <option value="newest">Newest first</option>
            <option value="soonest">Soonest first</option>
          </SelectField>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          Dates are days in the group’s time zone ({zoneLabel(timeZone)}).
        </p>
        {isFiltered ? (
          <Button variant="ghost" size="sm" onClick={onClear}>
            <FilterX aria-hidden className="size-4" />
            Clear filters
          </Button>
        ) : null}
      </div>
    </search>
  )
}
