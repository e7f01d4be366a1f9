import type { Group } from '@loopquiz/contract'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { RelativeTime } from '../../../components/ui/relative-time'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useInvitations } from '../api/find-invitations'
import { useRevokeInvitation } from '../api/revoke-invitation'
import { roleLabels } from '../utils/labels'

/** Invitations not yet used, with their link and Revoke. */
export function InvitationList({ group }: { group: Group }) {
  const invitations = useInvitations(group.id)
  const revoke = useRevokeInvitation(group.id)

  if (invitations.isPending) return <ListSkeleton rows={1} label="Loading invitations…" />
  if (invitations.isError) {
    return (
      <ErrorAlert
        error={invitations.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => invitations.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  const pending = invitations.data.items.filter((invitation) => invitation.status === 'pending')

  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-sm font-bold text-slate-900">Pending invitations</h3>
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      {pending.length === 0 ? (
        <p className="text-sm text-slate-500">
          No pending invitations. Invitations you create show here until they are accepted.
        </p>
      ) : (
        <ul aria-label="Pending invitations" className="flex flex-col divide-y divide-slate-100">
          {pending.map((invitation) => (
            <li key={invitation.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
              <div className="flex min-w-0 flex-col gap-0.5">
                <p className="truncate text-sm font-semibold text-slate-900">{invitation.email}</p>
                <p className="text-xs text-slate-500">
                  {roleLabels[invitation.role]} · by {invitation.invitedByName} ·{' '}
                  <RelativeTime iso={invitation.expiresAt} prefix="expires" />
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <CopyButton text={invitation.url} label={`Copy link for ${invitation.email}`} />
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                  isLoading={revoke.isPending && revoke.variables === invitation.id}
                  onClick={() => revoke.mutate(invitation.id)}
                >
                  Revoke
                  <span className="sr-only"> (invitation for {invitation.email})</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
