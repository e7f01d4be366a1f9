import { CircleCheck } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { AuthRequestError } from '../../../lib/errors'
import { useSendVerificationEmail } from '../api/send-verification-email'
import { useCurrentUser } from '../hooks/use-current-user'

interface ResendVerificationButtonProps {
  email: string
  /** Where the new link leads once the address is confirmed (verificationCallbackPath). */
  callbackURL: string
}

function isAlreadyConfirmed(error: unknown): boolean {
  return error instanceof AuthRequestError && error.code === 'EMAIL_ALREADY_VERIFIED'
}

/** "Send the link again": mails the signed-in user a new confirmation link, and says how it went. */
export function ResendVerificationButton({ email, callbackURL }: ResendVerificationButtonProps) {
  const send = useSendVerificationEmail()
  const { refetch } = useCurrentUser()
  const isConfirmed = isAlreadyConfirmed(send.error)

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button
          variant="secondary"
          size="sm"
          isLoading={send.isPending}
          onClick={() =>
            send.mutate(
              { email, callbackURL },
              {
                // Confirmed in another tab or browser: this page's session is behind.
                onError: (error) => {
                  if (isAlreadyConfirmed(error)) void refetch()
                },
              },
            )
          }
        >
          Send the link again
        </Button>
        {/* Always in the page, so the outcome is announced when it appears. */}
        <p role="status" className="text-sm font-semibold text-emerald-700">
          {send.isSuccess || isConfirmed ? (
            <span className="inline-flex items-center gap-1.5">
              <CircleCheck aria-hidden className="size-4 shrink-0" />
              {isConfirmed ? 'Your address is already confirmed.' : 'Sent. Check your inbox.'}
            </span>
          ) : null}
        </p>
      </div>
      {send.error && !isConfirmed ? <ErrorAlert error={send.error} /> : null}
    </div>
  )
}
