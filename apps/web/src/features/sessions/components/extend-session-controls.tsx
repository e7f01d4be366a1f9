import type { GroupSession } from '@loopquiz/contract'
import { TimerReset } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useExtendSession } from '../api/extend-session'

const EXTENSIONS_MIN = [5, 10, 15] as const

/** "+5 / +10 / +15 min" for a running session's host: its end moves later by that much. */
export function ExtendSessionControls({ session }: { session: GroupSession }) {
  const extend = useExtendSession(session.groupId, session.id)
  return (
    <div className="flex flex-col gap-2">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Give more time</legend>
        <span
          aria-hidden
          className="flex w-full items-center gap-1.5 text-sm font-semibold text-slate-700 sm:w-auto"
        >
          <TimerReset className="size-4" />
          More time
        </span>
        {EXTENSIONS_MIN.map((minutes) => (
          <Button
            key={minutes}
            variant="secondary"
            size="sm"
            disabled={extend.isPending}
            onClick={() => extend.mutate(minutes)}
          >
            +{minutes} min
          </Button>
        ))}
      </fieldset>
      {extend.error ? <ErrorAlert error={extend.error} /> : null}
    </div>
  )
}
