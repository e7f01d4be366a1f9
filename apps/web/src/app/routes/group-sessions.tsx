import { CalendarPlus, CalendarRange, Zap } from 'lucide-react'
import { useState } from 'react'
import { Button } from '../../components/ui/button'
import { Section } from '../../components/ui/section'
import { useMembers } from '../../features/groups/api/find-members'
import {
  ScheduleSessionDialog,
  type SessionDraft,
} from '../../features/sessions/components/schedule-session-dialog'
import { SessionFilters } from '../../features/sessions/components/session-filters'
import { SessionList } from '../../features/sessions/components/session-list'
import { SessionStats } from '../../features/sessions/components/session-stats'
import {
  toSessionQuery,
  useSessionFilters,
} from '../../features/sessions/hooks/use-session-filters'
import { useGroupOutlet } from './group'

/** /groups/:groupId/sessions — statistics, filters, every session with its quick actions. */
export function GroupSessionsRoute() {
  const { group } = useGroupOutlet()
  const members = useMembers(group.id)
  const filters = useSessionFilters()
  const [openDialog, setOpenDialog] = useState<'schedule' | 'instant' | null>(null)
  // An instant session refused for approval carries what was picked over to the schedule form.
  const [draft, setDraft] = useState<SessionDraft>()
  const { canScheduleSession, canCreateInstantSession } = group.capabilities
  const creators = (members.data?.items ?? []).map((member) => ({
    id: member.userId,
    name: member.name,
  }))

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <p className="max-w-xl text-slate-600">
          Quizzes the whole group takes together: planned ahead, or started on the spot.
        </p>
        {canScheduleSession || canCreateInstantSession ? (
          <div className="flex flex-col gap-2 min-[420px]:flex-row">
            {canCreateInstantSession ? (
              <Button variant="secondary" onClick={() => setOpenDialog('instant')}>
                <Zap aria-hidden className="size-4" />
                Start instant session
              </Button>
            ) : null}
            {canScheduleSession ? (
              <Button onClick={() => setOpenDialog('schedule')}>
                <CalendarPlus aria-hidden className="size-4" />
                Schedule session
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <SessionStats groupId={group.id} />
      <Section
        id="sessions"
        title="All sessions"
        icon={CalendarRange}
        description="Past and upcoming, with what you can do on each"
      >
        <SessionFilters
          values={filters.values}
          onChange={filters.change}
          onClear={filters.clear}
          isFiltered={filters.isFiltered}
          creators={creators}
          timeZone={group.timezone}
        />
        <hr className="border-slate-100" />
        <SessionList
          groupId={group.id}
          query={toSessionQuery(filters.values, group.timezone, filters.now)}
          isFiltered={filters.isFiltered}
          onClearFilters={filters.clear}
          emptyAction={
            canScheduleSession ? (
              <Button variant="secondary" onClick={() => setOpenDialog('schedule')}>
                <CalendarPlus aria-hidden className="size-4" />
                Schedule the first session
              </Button>
            ) : undefined
          }
        />
      </Section>
      {canScheduleSession ? (
        <ScheduleSessionDialog
          group={group}
          kind="schedule"
          isOpen={openDialog === 'schedule'}
          draft={draft}
          onClose={() => {
            setOpenDialog(null)
            setDraft(undefined)
          }}
        />
      ) : null}
      {canCreateInstantSession ? (
        <ScheduleSessionDialog
          group={group}
          kind="instant"
          isOpen={openDialog === 'instant'}
          // The native dialog reports its close after the switch to scheduling: keep that one open.
          onClose={() => setOpenDialog((open) => (open === 'instant' ? null : open))}
          onScheduleInstead={
            canScheduleSession
              ? (next) => {
                  setDraft(next)
                  setOpenDialog('schedule')
                }
              : undefined
          }
        />
      ) : null}
    </div>
  )
}
