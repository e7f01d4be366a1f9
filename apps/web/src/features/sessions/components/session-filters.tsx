import { sessionStatusSchema, sessionTypeSchema } from '@loopquiz/contract'
import { FilterX } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { zoneLabel } from '../../../lib/zoned-time'
import type { SessionFilterValues } from '../hooks/use-session-filters'
import { statusLabels, typeLabels } from '../utils/labels'

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

/** Status, type, creator, date range and order of the Sessions list; they live in the URL. */
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
