import type { GroupSession, SeriesScope } from '@loopquiz/contract'
import {
  BarChart3,
  CalendarClock,
  Check,
  LogIn,
  type LucideIcon,
  Play,
  Square,
  X,
} from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useApproveSession } from '../api/approve-session'
import { useCancelSession } from '../api/cancel-session'
import { useRejectSession } from '../api/reject-session'
import { useStartSession } from '../api/start-session'
import { joinPathOf, sessionPathOf } from '../utils/session-links'
import { EndSessionDialog } from './end-session-dialog'
import { RescheduleDialog } from './reschedule-dialog'
import { isSeriesOccurrence, SeriesScopeField } from './series-scope-field'

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

interface MutationButtonProps {
  session: GroupSession
  mutation: { isPending: boolean; mutate: (sessionId: string) => void }
  icon: LucideIcon
  variant?: 'primary' | 'secondary'
  children: string
}

/** A one-click action on the session; the spinner takes the icon's place while it runs. */
function MutationButton({
  session,
  mutation,
  icon: Icon,
  variant = 'secondary',
  children,
}: MutationButtonProps) {
  return (
    <Button
      variant={variant}
      size="sm"
      isLoading={mutation.isPending}
      onClick={() => mutation.mutate(session.id)}
    >
      {mutation.isPending ? null : <Icon aria-hidden className="size-4" />}
      {children}
      <span className="sr-only"> ({session.title})</span>
    </Button>
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
  const approve = useApproveSession(groupId)
  const reject = useRejectSession(groupId)
  const cancel = useCancelSession(groupId)
  const [isRescheduling, setIsRescheduling] = useState(false)
  const [isConfirmingCancel, setIsConfirmingCancel] = useState(false)
  const [isConfirmingEnd, setIsConfirmingEnd] = useState(false)
  const [cancelScope, setCancelScope] = useState<SeriesScope>('this')
  const isOccurrence = isSeriesOccurrence(session)
  const error = start.error ?? approve.error ?? reject.error
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
            <MutationButton variant="primary" icon={Check} mutation={approve} session={session}>
              Approve
            </MutationButton>
            <MutationButton icon={X} mutation={reject} session={session}>
              Reject
            </MutationButton>
          </>
        ) : null}
        {capabilities.canStart ? (
          <MutationButton icon={Play} mutation={start} session={session}>
            Start now
          </MutationButton>
        ) : null}
        {capabilities.canEnd ? (
          <Button variant="secondary" size="sm" onClick={() => setIsConfirmingEnd(true)}>
            <Square aria-hidden className="size-4" />
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
      {/* Mounted whatever the capabilities: ending takes canEnd away before the dialog is done. */}
      <EndSessionDialog
        session={session}
        isOpen={isConfirmingEnd}
        onClose={() => setIsConfirmingEnd(false)}
      />
      <Dialog
        isOpen={isConfirmingCancel}
        onClose={() => {
          setIsConfirmingCancel(false)
          setCancelScope('this')
          cancel.reset()
        }}
        title={`Cancel ${session.title}?`}
        description={
          session.status === 'active'
            ? 'The session closes at once; answers given so far are kept.'
            : 'It won’t take place; members see it as cancelled. This can’t be undone.'
        }
      >
        {isOccurrence ? (
          <SeriesScopeField
            legend="Cancel which sessions?"
            value={cancelScope}
            onChange={setCancelScope}
          />
        ) : null}
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirmingCancel(false)}>
            Keep the session
          </Button>
          <Button
            variant="danger"
            isLoading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { sessionId: session.id, scope: isOccurrence ? cancelScope : 'this' },
                { onSuccess: () => setIsConfirmingCancel(false) },
              )
            }
          >
            {isOccurrence && cancelScope !== 'this' ? 'Cancel sessions' : 'Cancel session'}
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
