import type { Group } from '@loopquiz/contract'
import { Check, UserPlus, X } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { RelativeTime } from '../../../components/ui/relative-time'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useApproveJoinRequest } from '../api/approve-join-request'
import { useJoinRequests } from '../api/find-join-requests'
import { useRejectJoinRequest } from '../api/reject-join-request'

/** People who asked to join with the link; owners and admins let them in or turn them down. */
export function JoinRequestList({ group }: { group: Group }) {
  const requests = useJoinRequests(group.id)
  const approve = useApproveJoinRequest(group.id)
  const reject = useRejectJoinRequest(group.id)

  if (requests.isPending) {
    return (
      <Section id="join-requests" title="Requests to join" icon={UserPlus}>
        <ListSkeleton rows={1} label="Loading requests to join…" />
      </Section>
    )
  }
  if (requests.isError) {
    return (
      <ErrorAlert
        error={requests.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => requests.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  const pending = requests.data.items.filter((request) => request.status === 'pending')
  // Nothing to decide: the section would only take room from the member list.
  if (pending.length === 0) return null

  const error = approve.error ?? reject.error
  return (
    <Section
      id="join-requests"
      title="Requests to join"
      icon={UserPlus}
      description={`${pending.length} waiting for a decision`}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <ul aria-label="Requests to join" className="flex flex-col divide-y divide-slate-100">
        {pending.map((request) => {
          const isApproving = approve.isPending && approve.variables === request.id
          const isRejecting = reject.isPending && reject.variables === request.id
          return (
            <li
              key={request.id}
              className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                <p className="truncate font-semibold text-slate-900">{request.name}</p>
                <p className="truncate text-sm text-slate-500">{request.email}</p>
                {request.message ? (
                  <blockquote className="mt-1 border-l-2 border-brand-200 pl-3 text-sm whitespace-pre-line text-slate-700">
                    {request.message}
                  </blockquote>
                ) : null}
                <p className="text-xs text-slate-500">
                  <RelativeTime iso={request.createdAt} prefix="Asked" />
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button
                  size="sm"
                  isLoading={isApproving}
                  disabled={isRejecting}
                  onClick={() => approve.mutate(request.id)}
                >
                  {isApproving ? null : <Check aria-hidden className="size-4" />}
                  Approve
                  <span className="sr-only"> ({request.name})</span>
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  isLoading={isRejecting}
                  disabled={isApproving}
                  onClick={() => reject.mutate(request.id)}
                >
                  {isRejecting ? null : <X aria-hidden className="size-4" />}
                  Reject
                  <span className="sr-only"> ({request.name})</span>
                </Button>
              </div>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}
