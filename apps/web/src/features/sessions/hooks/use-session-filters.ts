import {
  type SessionStatus,
  type SessionType,
  sessionStatusSchema,
  sessionTypeSchema,
} from '@loopquiz/contract'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { startOfDayInZone } from '../../../lib/zoned-time'
import type { SessionListQuery } from '../api/find-sessions'

/** The filters of the Sessions tab as they sit in the URL: shareable, and kept on reload. */
export interface SessionFilterValues {
  status: SessionStatus | ''
  type: SessionType | ''
  createdBy: string
  /** YYYY-MM-DD, a day in the group's time zone */
  from: string
  to: string
  order: 'newest' | 'soonest'
  /** `upcoming`: only what starts from now on, soonest first. */
  view: 'all' | 'upcoming'
}

const emptyValues: SessionFilterValues = {
  status: '',
  type: '',
  createdBy: '',
  from: '',
  to: '',
  order: 'newest',
  view: 'all',
}

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text)

function valuesOf(params: URLSearchParams): SessionFilterValues {
  const status = sessionStatusSchema.safeParse(params.get('status'))
  const type = sessionTypeSchema.safeParse(params.get('type'))
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  return {
    status: status.success ? status.data : '',
    type: type.success ? type.data : '',
    createdBy: params.get('createdBy') ?? '',
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    order: params.get('order') === 'soonest' ? 'soonest' : 'newest',
    view: params.get('view') === 'upcoming' ? 'upcoming' : 'all',
  }
}

/**
 * The API query for the filters; the dates are whole days in the group's time zone, so "to"
 * includes its day (the API's `to` is exclusive). A recurring series is one row. "Upcoming" starts
 * at `now`, which the caller keeps still: a moving instant would make every render a new query.
 */
export function toSessionQuery(
  values: SessionFilterValues,
  timeZone: string,
  now: Date,
): SessionListQuery {
  const fromDay = values.from ? startOfDayInZone(values.from, timeZone) : null
  const isUpcoming = values.view === 'upcoming'
  const from = isUpcoming && (fromDay === null || fromDay < now) ? now : fromDay
  const to = values.to ? startOfDayInZone(values.to, timeZone, 1) : null
  return {
    collapseSeries: 'true',
    ...(values.status ? { status: values.status } : {}),
    ...(values.type ? { type: values.type } : {}),
    ...(values.createdBy ? { createdBy: values.createdBy } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
    order: isUpcoming ? 'soonest' : values.order,
  }
}

/** Reads and writes the Sessions tab's filters in the query string. */
export function useSessionFilters() {
  const [params, setParams] = useSearchParams()
  const values = valuesOf(params)
  // Where "Upcoming" starts: when the page opened or the view was picked, not each render.
  const [now, setNow] = useState(() => new Date())

  function change(next: Partial<SessionFilterValues>) {
    if (next.view === 'upcoming') setNow(new Date())
    const merged = { ...values, ...next }
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(merged)) {
      if (value && value !== emptyValues[key as keyof SessionFilterValues]) search.set(key, value)
    }
    setParams(search, { replace: true, preventScrollReset: true })
  }

  const isFiltered = Object.entries(values).some(
    ([key, value]) => value !== emptyValues[key as keyof SessionFilterValues],
  )

  return { values, change, clear: () => setParams({}, { replace: true }), isFiltered, now }
}
