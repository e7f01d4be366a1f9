import type { GroupSession } from '@loopquiz/contract'
import clsx from 'clsx'
import {
  CalendarX2,
  Flag,
  Hourglass,
  type LucideIcon,
  ShieldQuestion,
  TimerReset,
} from 'lucide-react'
import { type ReactNode, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useNow } from '../../../hooks/use-now'
import { useSetSessionLateWindow } from '../api/set-session-late-window'
import { cancelReasonLabels } from '../utils/labels'
import { isLateWindowOpen } from '../utils/late-window'
import { LateWindowDialog } from './late-window-dialog'
import { SessionTime } from './session-time'

function Notice({
  icon: Icon,
  tone,
  children,
}: {
  icon: LucideIcon
  tone: 'neutral' | 'warning' | 'danger'
  children: ReactNode
}) {
  return (
    <div
      className={clsx(
        'flex gap-3 rounded-xl p-3 text-sm ring-1',
        tone === 'neutral' && 'bg-slate-50 text-slate-700 ring-slate-200',
        tone === 'warning' && 'bg-amber-50 text-amber-900 ring-amber-200',
        tone === 'danger' && 'bg-rose-50 text-rose-900 ring-rose-200',
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-1 flex-col gap-2">{children}</div>
    </div>
  )
}

/** The host's hold on the late window: open it, move it, or stop it. */
function LateWindowControls({ session, isOpen }: { session: GroupSession; isOpen: boolean }) {
  const lateWindow = useSetSessionLateWindow(session.groupId)
  const [isEditing, setIsEditing] = useState(false)
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => setIsEditing(true)}>
          <TimerReset aria-hidden className="size-4" />
          {isOpen ? 'Change late window' : 'Accept late answers'}
        </Button>
        {isOpen ? (
          <Button
            variant="ghost"
            size="sm"
            isLoading={lateWindow.isPending}
            onClick={() => lateWindow.mutate({ sessionId: session.id, lateUntil: null })}
          >
            Stop late answers
          </Button>
        ) : null}
      </div>
      {lateWindow.error ? <ErrorAlert error={lateWindow.error} /> : null}
      <LateWindowDialog session={session} isOpen={isEditing} onClose={() => setIsEditing(false)} />
    </>
  )
}

/**
 * What happened to a session that is not simply planned or running: when it ended and whether
 * late answers are still taken, why it was cancelled, or that it waits for approval.
 */
export function SessionStateNotice({ session }: { session: GroupSession }) {
  // The late window runs out without any request: look again every few seconds.
  const now = useNow(5_000)
  if (session.status === 'pending_approval') {
    return (
      <Notice icon={ShieldQuestion} tone="warning">
        <p>
          <span className="font-semibold">Waiting for approval.</span> An owner or admin of the
          group approves it before it can start.
        </p>
      </Notice>
    )
  }
  if (session.status === 'cancelled') {
    return (
      <Notice icon={CalendarX2} tone="danger">
        <p>
          <span className="font-semibold">This session was cancelled</span>
          {session.cancelReason ? `: ${cancelReasonLabels[session.cancelReason]}.` : '.'}
        </p>
      </Notice>
    )
  }
  if (session.status !== 'completed') return null
  const isOpen = isLateWindowOpen(session, now)
  const canSet = session.capabilities.canSetLateWindow
  return (
    <Notice icon={isOpen ? Hourglass : Flag} tone={isOpen ? 'warning' : 'neutral'}>
      {isOpen && session.lateUntil ? (
        <p>
          <span className="font-semibold">Late answers accepted until</span>{' '}
          <SessionTime iso={session.lateUntil} groupTimezone={session.groupTimezone} />; they are
          marked late.
        </p>
      ) : (
        <p>
          <span className="font-semibold">This session is over.</span> Members can no longer join or
          answer.
        </p>
      )}
      {canSet ? <LateWindowControls session={session} isOpen={isOpen} /> : null}
    </Notice>
  )
}
