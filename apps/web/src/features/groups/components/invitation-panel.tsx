import type { InvitationPreview } from '@loopquiz/contract'
import {
  CalendarX2,
  CircleCheck,
  Mail,
  MailWarning,
  SearchX,
  ShieldCheck,
  Undo2,
  UserRound,
} from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { RelativeTime } from '../../../components/ui/relative-time'
import { Skeleton } from '../../../components/ui/skeleton'
import { StatusPage } from '../../../components/ui/status-page'
import { hasErrorCode } from '../../../lib/errors'
import { useAcceptInvitation } from '../api/accept-invitation'
import { useInvitation } from '../api/get-invitation'
import { roleLabels } from '../utils/labels'

interface InvitationPanelProps {
  token: string
  /** The signed-in user's email, or null for a visitor. */
  viewerEmail: string | null
  signInHref: string
  signUpHref: string
  onAccepted: (groupId: string) => void
  /** Offered when the invitation is for another address, e.g. "Sign in with another account". */
  switchAccountAction: ReactNode
  /** Offered when the viewer's address is not confirmed yet, e.g. "Send the link again". */
  confirmEmailAction: ReactNode
}

/** Accepting needs a confirmed address: what to do first, in place of an error. */
function ConfirmEmailFirst({ email, action }: { email: string; action: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <MailWarning aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-semibold">Confirm your e-mail address first</p>
        <p className="break-words">
          We sent a link to <span className="font-semibold">{email}</span>. Open it to confirm the
          address, then accept the invitation here.
        </p>
        <div className="mt-2">{action}</div>
      </div>
    </div>
  )
}

function AcceptArea({
  token,
  preview,
  viewerEmail,
  signInHref,
  signUpHref,
  onAccepted,
  switchAccountAction,
  confirmEmailAction,
}: Omit<InvitationPanelProps, 'viewerEmail'> & {
  preview: InvitationPreview
  viewerEmail: string | null
}) {
  const accept = useAcceptInvitation(token)

  if (!viewerEmail) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-slate-600">
          Sign in with <span className="font-semibold text-slate-900">{preview.email}</span> to
          accept, or create a free account with that address. You’ll come right back here.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link to={signInHref} className={buttonClassName({ size: 'lg' })}>
            Sign in to accept
          </Link>
          <Link to={signUpHref} className={buttonClassName({ variant: 'secondary', size: 'lg' })}>
            Create an account
          </Link>
        </div>
      </div>
    )
  }

  const isWrongAccount = hasErrorCode(accept.error, 'INVITATION_EMAIL_MISMATCH')
  return (
    <div className="flex flex-col gap-4">
      {hasErrorCode(accept.error, 'EMAIL_NOT_VERIFIED') ? (
        <ConfirmEmailFirst email={viewerEmail} action={confirmEmailAction} />
      ) : accept.error ? (
        <ErrorAlert
          error={accept.error}
          action={isWrongAccount ? switchAccountAction : undefined}
        />
      ) : null}
      <p className="text-sm text-slate-600">
        You’re signed in as <span className="font-semibold text-slate-900">{viewerEmail}</span>.
      </p>
      {isWrongAccount ? null : (
        <Button
          size="lg"
          className="self-start"
          isLoading={accept.isPending}
          onClick={() =>
            accept.mutate(undefined, { onSuccess: (result) => onAccepted(result.groupId) })
          }
        >
          Accept invitation
        </Button>
      )}
    </div>
  )
}

/** /invitations/:token — who invites whom to which group, and accepting it. */
export function InvitationPanel(props: InvitationPanelProps) {
  const invitation = useInvitation(props.token)
  const groupsLink = (
    <Link
      to={props.viewerEmail ? '/groups' : '/'}
      className={buttonClassName({ variant: 'secondary' })}
    >
      {props.viewerEmail ? 'Go to my groups' : 'Go to the home page'}
    </Link>
  )

  if (invitation.isPending) {
    return (
      <Card aria-busy="true" className="flex flex-col gap-4 p-6">
        <span className="sr-only">Loading the invitation…</span>
        <Skeleton className="h-7 w-2/3" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-11 w-48" />
      </Card>
    )
  }
  if (invitation.isError) {
    if (hasErrorCode(invitation.error, 'INVITATION_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <StatusPage
          icon={SearchX}
          tone="danger"
          title="We couldn’t find this invitation"
          actions={groupsLink}
        >
          <p>The link may be incomplete or mistyped. Check it with the person who invited you.</p>
        </StatusPage>
      )
    }
    return (
      <ErrorAlert
        error={invitation.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => invitation.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const preview = invitation.data
  if (preview.status === 'accepted') {
    return (
      <StatusPage
        icon={CircleCheck}
        title="This invitation was already accepted"
        actions={
          props.viewerEmail ? (
            <>
              <Link to={`/groups/${preview.groupId}`} className={buttonClassName()}>
                Open {preview.groupName}
              </Link>
              {groupsLink}
            </>
          ) : (
            <Link to={props.signInHref} className={buttonClassName()}>
              Sign in
            </Link>
          )
        }
      >
        <p>
          {preview.email} already joined {preview.groupName} with it. Invitations work only once.
        </p>
      </StatusPage>
    )
  }
  if (preview.status === 'revoked' || preview.status === 'expired') {
    const isRevoked = preview.status === 'revoked'
    return (
      <StatusPage
        icon={isRevoked ? Undo2 : CalendarX2}
        tone="warning"
        title={isRevoked ? 'This invitation was withdrawn' : 'This invitation has expired'}
        actions={groupsLink}
      >
        <p>
          {isRevoked
            ? `${preview.invitedByName} withdrew the invitation to ${preview.groupName}.`
            : `The invitation to ${preview.groupName} was not used in time.`}
        </p>
        <p>Ask {preview.invitedByName} for a new one.</p>
      </StatusPage>
    )
  }

  const RoleIcon = preview.role === 'admin' ? ShieldCheck : UserRound
  return (
    <>
      <title>{`Invitation to ${preview.groupName} · LoopQuiz`}</title>
      <Card className="overflow-hidden">
        <div className="bg-linear-to-br from-brand-600 via-brand-700 to-fuchsia-700 px-5 py-6 text-white sm:px-8">
          <p className="text-sm font-semibold text-brand-100">
            {preview.invitedByName} invited you to join
          </p>
          <h1 className="mt-1 text-2xl font-extrabold tracking-tight break-words sm:text-3xl">
            {preview.groupName}
          </h1>
          <ul className="mt-4 flex flex-wrap gap-2 text-sm font-semibold">
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <RoleIcon aria-hidden className="size-4" />
              As {roleLabels[preview.role].toLowerCase()}
            </li>
            <li className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <Mail aria-hidden className="size-4 shrink-0" />
              <span className="truncate">For {preview.email}</span>
            </li>
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <CalendarX2 aria-hidden className="size-4" />
              <RelativeTime iso={preview.expiresAt} prefix="Expires" />
            </li>
          </ul>
        </div>
        <div className="flex flex-col gap-5 p-5 sm:p-8">
          {preview.groupDescription ? (
            <p className="whitespace-pre-line text-slate-700">{preview.groupDescription}</p>
          ) : null}
          <AcceptArea {...props} preview={preview} />
        </div>
      </Card>
    </>
  )
}
