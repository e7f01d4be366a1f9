import { useLocation, useNavigate, useParams } from 'react-router'
import { Button } from '../../components/ui/button'
import { LoadingPanel } from '../../components/ui/spinner'
import { useSignOut } from '../../features/auth/api/sign-out'
import { EmailVerificationNotice } from '../../features/auth/components/email-verification-notice'
import { ResendVerificationButton } from '../../features/auth/components/resend-verification-button'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { verificationCallbackPath } from '../../features/auth/utils/email-verification'
import { loginPath } from '../../features/auth/utils/safe-next'
import { InvitationPanel } from '../../features/groups/components/invitation-panel'

/** /invitations/:token — open to visitors, who are asked to sign in (or up) to accept. */
export function InvitationRoute() {
  const { token = '' } = useParams()
  const { user, isPending } = useCurrentUser()
  const signOut = useSignOut()
  const navigate = useNavigate()
  const { pathname } = useLocation()

  if (isPending) return <LoadingPanel label="Checking your session…" />
  // A new confirmation link comes back here, so the invitation is one click away once confirmed.
  const confirmationCallbackURL = verificationCallbackPath(pathname)
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 sm:py-6">
      {user ? (
        <EmailVerificationNotice
          user={user}
          callbackURL={confirmationCallbackURL}
          remindsUnconfirmed={false}
        />
      ) : null}
      <InvitationPanel
        key={token}
        token={token}
        viewerEmail={user?.email ?? null}
        signInHref={loginPath(pathname)}
        signUpHref={`/signup?next=${encodeURIComponent(pathname)}`}
        onAccepted={(groupId) => navigate(`/groups/${groupId}`, { replace: true })}
        switchAccountAction={
          <Button
            variant="secondary"
            size="sm"
            isLoading={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, { onSuccess: () => navigate(loginPath(pathname)) })
            }
          >
            Sign in with another account
          </Button>
        }
        confirmEmailAction={
          user ? (
            <ResendVerificationButton email={user.email} callbackURL={confirmationCallbackURL} />
          ) : null
        }
      />
    </div>
  )
}
