import type { GroupSession } from '@loopquiz/contract'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import type { WallTime } from '../../../lib/zoned-time'
import { useEndSession } from '../api/end-session'
import { useSetSessionLateWindow } from '../api/set-session-late-window'
import { parseLateUntil, suggestedLateUntil } from '../utils/late-window'
import { ZonedDateTimeFields } from './zoned-date-time-fields'

function EndSessionForm({ session, onDone }: { session: GroupSession; onDone: () => void }) {
  const end = useEndSession(session.groupId)
  const lateWindow = useSetSessionLateWindow(session.groupId)
  const [acceptsLate, setAcceptsLate] = useState(false)
  const [lateUntil, setLateUntil] = useState<WallTime>(() => suggestedLateUntil(session))
  const [lateError, setLateError] = useState<string>()
  // Ending and opening the late window are two requests: if only the second fails, a retry
  // must not try to end the session again.
  const hasEnded = end.isSuccess

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const late = acceptsLate ? parseLateUntil(lateUntil, session.groupTimezone) : null
    setLateError(late?.error)
    if (late?.error) return
    const openLateWindow = () => {
      if (!late?.instant) return onDone()
      lateWindow.mutate(
        { sessionId: session.id, lateUntil: late.instant.toISOString() },
        { onSuccess: onDone },
      )
    }
    if (hasEnded) openLateWindow()
    else end.mutate(session.id, { onSuccess: openLateWindow })
  }

  const error = end.error ?? lateWindow.error
  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {error ? <ErrorAlert error={error} /> : null}
      {hasEnded && lateWindow.error ? (
        <p className="text-sm text-slate-700">
          The session has ended. Try the late window again, or close this and set it from the
          session page.
        </p>
      ) : null}
      <div className="flex flex-col gap-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
        <label className="flex cursor-pointer items-start gap-2.5 text-sm">
          <input
            type="checkbox"
            checked={acceptsLate}
            onChange={(event) => setAcceptsLate(event.target.checked)}
            className="mt-0.5 size-4 accent-brand-600"
          />
          <span className="flex flex-col">
            <span className="font-semibold text-slate-900">Accept late answers until …</span>
            <span className="text-slate-600">
              Members can still answer until the time you pick; their results are marked late.
            </span>
          </span>
        </label>
        {acceptsLate ? (
          <ZonedDateTimeFields
            legend="Accept late answers until"
            value={lateUntil}
            onChange={setLateUntil}
            timeZone={session.groupTimezone}
            error={lateError}
          />
        ) : null}
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          {hasEnded ? 'Close' : 'Keep it open'}
        </Button>
        <Button type="submit" variant="danger" isLoading={end.isPending || lateWindow.isPending}>
          {hasEnded ? 'Accept late answers' : 'End session'}
        </Button>
      </div>
    </form>
  )
}

interface EndSessionDialogProps {
  session: GroupSession
  isOpen: boolean
  onClose: () => void
}

/** "End now" asks first: ending closes the session to joins and answers at once. */
export function EndSessionDialog({ session, isOpen, onClose }: EndSessionDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="End this session now?"
      description="Members can no longer join or answer."
    >
      <EndSessionForm session={session} onDone={onClose} />
    </Dialog>
  )
}
