import { LogOut, MonitorSmartphone } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { useRevokeSessions } from '../api/revoke-sessions'

/** Settings → Sessions: "Sign out everywhere", this browser included. */
export function SessionsSection({ onSignedOut }: { onSignedOut: () => void }) {
  const revoke = useRevokeSessions()
  return (
    <Section
      id="sessions"
      title="Sessions"
      icon={MonitorSmartphone}
      description="Where your account is signed in"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">
          Lost a device or signed in on a shared computer? Sign out on every device at once, this
          one included. You can sign in again right after.
        </p>
        <Button
          variant="secondary"
          isLoading={revoke.isPending}
          onClick={() => revoke.mutate(undefined, { onSuccess: onSignedOut })}
        >
          {revoke.isPending ? null : <LogOut aria-hidden className="size-4" />}
          Sign out everywhere
        </Button>
      </div>
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
    </Section>
  )
}
