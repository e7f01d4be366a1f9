import type { GroupSession } from '@loopquiz/contract'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import type { WallTime } from '../../../lib/zoned-time'
import { useSetSessionLateWindow } from '../api/set-session-late-window'
import { parseLateUntil, suggestedLateUntil } from '../utils/late-window'
import { ZonedDateTimeFields } from './zoned-date-time-fields'

function LateWindowForm({ session, onDone }: { session: GroupSession; onDone: () => void }) {
  const lateWindow = useSetSessionLateWindow(session.groupId)
  const [lateUntil, setLateUntil] = useState<WallTime>(() => suggestedLateUntil(session))
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const late = parseLateUntil(lateUntil, session.groupTimezone)
    setError(late.error)
    if (!late.instant) return
    lateWindow.mutate(
      { sessionId: session.id, lateUntil: late.instant.toISOString() },
      { onSuccess: onDone },
    )
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {lateWindow.error ? <ErrorAlert error={lateWindow.error} /> : null}
      <ZonedDateTimeFields
        legend="Accept late answers until"
        value={lateUntil}
        onChange={setLateUntil}
        timeZone={session.groupTimezone}
        error={error}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" isLoading={lateWindow.isPending}>
          Save late window
        </Button>
      </div>
    </form>
  )
}

interface LateWindowDialogProps {
  session: GroupSession
  isOpen: boolean
  onClose: () => void
}

/** The host opens or moves the late window of an ended session. */
export function LateWindowDialog({ session, isOpen, onClose }: LateWindowDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Accept late answers"
      description="Members can still join and answer until this time; their results are marked late."
    >
      <LateWindowForm session={session} onDone={onClose} />
    </Dialog>
  )
}
