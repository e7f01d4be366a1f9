import type { GroupSession } from '@loopquiz/contract'
import { BarChart3, CalendarClock, Check, LogIn, Play, Square, X } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useApproveSession } from '../api/approve-session'
import { useCancelSession } from '../api/cancel-session'
import { useEndSession } from '../api/end-session'
import { useRejectSession } from '../api/reject-session'
import { useStartSession } from '../api/start-session'
import { joinPathOf, sessionPathOf } from '../utils/session-links'
import { RescheduleDialog } from './reschedule-dialog'

/** What "Join" says: first time, coming back to an unfinished attempt, or to one's result. */
export function joinLabelOf(session: GroupSession): string {
  const mine = session.myParticipation
  if (!mine) return 'Join'
  return mine.completedAt ? 'My result' : 'Continue'
}

/** Join (or continue) a session the viewer may take now; nothing otherwise. */
export function JoinSessionLink({
  session,
  size = 'sm',
}: {
  session: GroupSession
  size?: 'sm' | 'md'
}) {
  if (!session.capabilities.canJoin) return null
  const label = joinLabelOf(session)
  return (
    <Link to={joinPathOf(session)} className={buttonClassName({ size })}>
      <LogIn aria-hidden className="size-4" />
      {label}
      <span className="sr-only"> ({session.title})</span>
    </Link>
  )
}

interface SessionActionsProps {
  session: GroupSession
  /** On the session's own page there is no link to it. */
  isOnSessionPage?: boolean
}

/** The quick actions on a session, each shown only when the server says the viewer may. */
export function SessionActions({ session, isOnSessionPage = false }: SessionActionsProps) {
  const { groupId, capabilities } = session
  const start = useStartSession(groupId)
  const end = useEndSession(groupId)
  const approve = useApproveSession(groupId)
  const reject = useRejectSession(groupId)
  const cancel = useCancelSession(groupId)
  const [isRescheduling, setIsRescheduling] = useState(false)
  const [isConfirmingCancel, setIsConfirmingCancel] = useState(false)
  const error = start.error ?? end.error ?? approve.error ?? reject.error
  const hasResults = session.status === 'completed' || session.participantCount > 0
  const canReschedule =
    capabilities.canEdit &&
    (session.status === 'scheduled' || session.status === 'pending_approval')
  const forTitle = <span className="sr-only"> ({session.title})</span>

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <JoinSessionLink session={session} />
        {capabilities.canApprove ? (
          <>
            <Button
              size="sm"
              isLoading={approve.isPending}
              onClick={() => approve.mutate(session.id)}
            >
              {approve.isPending ? null : <Check aria-hidden className="size-4" />}
              Approve
              {forTitle}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              isLoading={reject.isPending}
              onClick={() => reject.mutate(session.id)}
            >
              {reject.isPending ? null : <X aria-hidden className="size-4" />}
              Reject
              {forTitle}
            </Button>
          </>
        ) : null}
        {capabilities.canStart ? (
          <Button
            variant="secondary"
            size="sm"
            isLoading={start.isPending}
            onClick={() => start.mutate(session.id)}
          >
            {start.isPending ? null : <Play aria-hidden className="size-4" />}
            Start now
            {forTitle}
          </Button>
        ) : null}
        {capabilities.canEnd ? (
          <Button
            variant="secondary"
            size="sm"
            isLoading={end.isPending}
            onClick={() => end.mutate(session.id)}
          >
            {end.isPending ? null : <Square aria-hidden className="size-4" />}
            End now
            {forTitle}
          </Button>
        ) : null}
        {hasResults && !isOnSessionPage ? (
          <Link
            to={sessionPathOf(session)}
            className={buttonClassName({ variant: 'secondary', size: 'sm' })}
          >
            <BarChart3 aria-hidden className="size-4" />
            View results
            {forTitle}
          </Link>
        ) : null}
        {canReschedule ? (
          <Button variant="ghost" size="sm" onClick={() => setIsRescheduling(true)}>
            <CalendarClock aria-hidden className="size-4" />
            Reschedule
            {forTitle}
          </Button>
        ) : null}
        {capabilities.canCancel ? (
          <Button
            variant="ghost"
            size="sm"
            className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
            onClick={() => setIsConfirmingCancel(true)}
          >
            Cancel
            {forTitle}
          </Button>
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {canReschedule ? (
        <RescheduleDialog
          session={session}
          isOpen={isRescheduling}
          onClose={() => setIsRescheduling(false)}
        />
      ) : null}
      <Dialog
        isOpen={isConfirmingCancel}
        onClose={() => {
          setIsConfirmingCancel(false)
          cancel.reset()
        }}
        title={`Cancel ${session.title}?`}
        description={
          session.status === 'active'
            ? 'The session closes at once; answers given so far are kept.'
            : 'Everyone in the group is told it won’t take place. This can’t be undone.'
        }
      >
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirmingCancel(false)}>
            Keep the session
          </Button>
          <Button
            variant="danger"
            isLoading={cancel.isPending}
            onClick={() =>
              cancel.mutate(session.id, { onSuccess: () => setIsConfirmingCancel(false) })
            }
          >
            Cancel session
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
