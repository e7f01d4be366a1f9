import type { GroupSession, SeriesScope } from '@loopquiz/contract'
import { ShieldQuestion } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'
import { instantToWallTime, type WallTime, wallTimeToInstant } from '../../../lib/zoned-time'
import { useUpdateSession } from '../api/update-session'
import { parseDuration } from '../utils/session-form-values'
import { startOf } from '../utils/session-links'
import { isSeriesOccurrence, SeriesScopeField } from './series-scope-field'
import { ZonedDateTimeFields } from './zoned-date-time-fields'

function RescheduleForm({ session, onDone }: { session: GroupSession; onDone: () => void }) {
  const update = useUpdateSession(session.groupId)
  const [when, setWhen] = useState<WallTime>(() =>
    instantToWallTime(startOf(session), session.groupTimezone),
  )
  const [duration, setDuration] = useState(String(session.durationMinutes))
  const [errors, setErrors] = useState<{ when?: string; duration?: string }>({})
  const [scope, setScope] = useState<SeriesScope>('this')
  const isOccurrence = isSeriesOccurrence(session)

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const instant = wallTimeToInstant(when, session.groupTimezone)
    const minutes = parseDuration(duration)
    const next = {
      when: instant === null ? 'Pick a date and a time.' : undefined,
      duration: minutes === null ? 'Enter a whole number of minutes from 1 to 1440.' : undefined,
    }
    setErrors(next)
    if (instant === null || minutes === null) return
    update.mutate(
      {
        sessionId: session.id,
        body: { scheduledAt: instant.toISOString(), durationMinutes: minutes, scope },
      },
      { onSuccess: onDone },
    )
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {/* Still waiting, it has no approval to lose. */}
      {session.capabilities.timeChangeNeedsApproval && session.status === 'scheduled' ? (
        <p className="flex gap-2.5 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <ShieldQuestion aria-hidden className="mt-0.5 size-4 shrink-0" />
          Changing the time or duration sends this session back to an owner or admin for approval.
        </p>
      ) : null}
      <ZonedDateTimeFields
        value={when}
        onChange={setWhen}
        timeZone={session.groupTimezone}
        error={errors.when}
      />
      <TextField
        label="Duration (minutes)"
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        className="sm:max-w-48"
        value={duration}
        onChange={(event) => setDuration(event.target.value)}
        error={errors.duration}
      />
      {isOccurrence ? (
        <SeriesScopeField legend="Move which sessions?" value={scope} onChange={setScope} />
      ) : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          Keep the current time
        </Button>
        <Button type="submit" isLoading={update.isPending}>
          Save new time
        </Button>
      </div>
    </form>
  )
}

interface RescheduleDialogProps {
  session: GroupSession
  isOpen: boolean
  onClose: () => void
}

/** Move a session that has not started: new date, time and duration. */
export function RescheduleDialog({ session, isOpen, onClose }: RescheduleDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={`Reschedule ${session.title}`}
      description="Members see the new time in the group’s sessions."
    >
      <RescheduleForm session={session} onDone={onClose} />
    </Dialog>
  )
}
