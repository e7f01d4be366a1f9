import type { GroupSession } from '@loopquiz/contract'
import { ChevronDown } from 'lucide-react'
import { useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useGroupChannel } from '../../../hooks/use-group-channel'
import { useSessions } from '../api/find-sessions'
import { describeSeries, type Series } from '../utils/series'
import { SessionActions } from './session-actions'
import { SessionRow } from './session-row'

/** Every occurrence of a series in time order, each with its own actions. */
function SeriesOccurrences({ session, id }: { session: GroupSession; id: string }) {
  const channel = useGroupChannel(session.groupId)
  const occurrences = useSessions(
    session.groupId,
    { seriesId: session.seriesId ?? undefined, order: 'soonest', limit: 50 },
    channel.isConnected,
  )
  if (occurrences.isPending) {
    return <ListSkeleton rows={2} label="Loading the sessions of this series…" />
  }
  if (occurrences.isError) {
    return (
      <ErrorAlert
        error={occurrences.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => occurrences.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  const items = occurrences.data.pages.flatMap((page) => page.items)
  return (
    <div className="flex flex-col gap-3">
      <ol
        id={id}
        aria-label={`Sessions of the series ${session.title}`}
        className="flex flex-col divide-y divide-slate-100 rounded-xl bg-slate-50/60 px-3 ring-1 ring-slate-100"
      >
        {items.map((occurrence) => (
          <li key={occurrence.id} className="py-3">
            <SessionRow
              session={occurrence}
              repeats={null}
              isTypeShown={false}
              actions={<SessionActions session={occurrence} />}
            />
          </li>
        ))}
      </ol>
      <LoadMore
        hasNextPage={occurrences.hasNextPage}
        isFetchingNextPage={occurrences.isFetchingNextPage}
        onLoadMore={() => occurrences.fetchNextPage()}
        label="Show more sessions of this series"
      />
    </div>
  )
}

/**
 * A recurring series as one row: its next occurrence (else its latest) with how many are still
 * to come, and a disclosure that lists every occurrence.
 */
export function SeriesRow({ session, series }: { session: GroupSession; series: Series }) {
  const [isExpanded, setIsExpanded] = useState(false)
  const listId = useId()
  const hasUpcoming = series.upcomingCount > 0
  return (
    <div className="flex flex-col gap-3">
      <SessionRow
        session={session}
        timeLabel={hasUpcoming ? 'Next' : 'Last'}
        repeats={describeSeries(session, series)}
        actions={
          <div className="flex flex-col gap-2">
            <SessionActions session={session} />
            <Button
              variant="ghost"
              size="sm"
              className="w-fit"
              aria-expanded={isExpanded}
              aria-controls={isExpanded ? listId : undefined}
              onClick={() => setIsExpanded((open) => !open)}
            >
              <ChevronDown
                aria-hidden
                className={`size-4 transition-transform motion-reduce:transition-none ${isExpanded ? 'rotate-180' : ''}`}
              />
              All {series.occurrenceCount} sessions in this series
            </Button>
          </div>
        }
      />
      {isExpanded ? (
        // Indented under the row's text, past its date tile, to read as its contents.
        <div className="sm:ml-16">
          <SeriesOccurrences session={session} id={listId} />
        </div>
      ) : null}
    </div>
  )
}
