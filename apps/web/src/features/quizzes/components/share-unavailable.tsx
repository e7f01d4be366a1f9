import { CalendarX2, LockKeyhole, SearchX, Unplug } from 'lucide-react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { StatusPage } from '../../../components/ui/status-page'
import { hasErrorCode } from '../../../lib/errors'

interface ShareUnavailableProps {
  error: unknown
  signInHref: string
  signUpHref: string
  isSignedIn: boolean
  onRetry: () => void
}

/** Why a share link cannot be opened, and what the visitor can do about it. */
export function ShareUnavailable({
  error,
  signInHref,
  signUpHref,
  isSignedIn,
  onRetry,
}: ShareUnavailableProps) {
  const homeLink = (
    <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
      {isSignedIn ? 'Back to dashboard' : 'Go to the home page'}
    </Link>
  )

  if (hasErrorCode(error, 'SHARE_DISABLED')) {
    return (
      <StatusPage
        icon={Unplug}
        tone="warning"
        title="This link was turned off by its author."
        actions={homeLink}
      >
        <p>Nobody can open or take this quiz while the link is off.</p>
        <p>Ask the person who shared it whether they will turn it on again.</p>
      </StatusPage>
    )
  }
  if (hasErrorCode(error, 'SHARE_EXPIRED')) {
    return (
      <StatusPage
        icon={CalendarX2}
        tone="warning"
        title="This quiz link has expired"
        actions={homeLink}
      >
        <p>The person who shared it set an end date, and it has passed.</p>
        <p>Ask them for a new link to take the quiz.</p>
      </StatusPage>
    )
  }
  if (hasErrorCode(error, 'SHARE_REQUIRES_SIGN_IN', 'UNAUTHENTICATED')) {
    return (
      <StatusPage
        icon={LockKeyhole}
        title="Sign in to take this quiz"
        actions={
          <>
            <Link to={signInHref} className={buttonClassName()}>
              Sign in to continue
            </Link>
            <Link to={signUpHref} className={buttonClassName({ variant: 'secondary' })}>
              Create an account
            </Link>
          </>
        }
      >
        <p>This quiz is shared with LoopQuiz members only.</p>
        <p>Sign in, or create a free account, and you’ll come right back here.</p>
      </StatusPage>
    )
  }
  if (hasErrorCode(error, 'SHARE_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED')) {
    return (
      <StatusPage
        icon={SearchX}
        tone="danger"
        title="We couldn’t find this quiz"
        actions={homeLink}
      >
        <p>The link may be mistyped, or the quiz was removed.</p>
        <p>Check the link with the person who shared it.</p>
      </StatusPage>
    )
  }
  return (
    <div className="mx-auto max-w-lg py-10">
      <ErrorAlert
        error={error}
        action={
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        }
      />
    </div>
  )
}
