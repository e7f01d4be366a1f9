import { Hourglass, Undo2 } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { RelativeTime } from '../../../components/ui/relative-time'
import { Section } from '../../../components/ui/section'
import { useMyJoinRequests } from '../api/find-my-join-requests'
import { useWithdrawJoinRequest } from '../api/withdraw-join-request'

/**
 * On /groups: my requests to join private groups that still wait for an owner or admin,
 * each with "Withdraw". Nothing when none wait.
 */
export function MyJoinRequests() {
  const requests = useMyJoinRequests()
  const withdraw = useWithdrawJoinRequest()

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
  const items = requests.data?.items ?? []
  if (items.length === 0) return null

  return (
    <Section
      id="my-join-requests"
      title="Waiting for approval"
      icon={Hourglass}
      description="An owner or admin of the group lets you in, or turns the request down"
    >
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      <ul aria-label="My requests to join" className="flex flex-col divide-y divide-slate-100">
        {items.map((request) => {
          const isWithdrawing = withdraw.isPending && withdraw.variables === request.id
          return (
            <li
              key={request.id}
              className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
            >
              <p className="min-w-0 flex-1 text-slate-700">
                <span className="font-semibold break-words text-slate-900">
                  {request.groupName}
                </span>
                <span className="text-slate-500">
                  {', '}
                  <RelativeTime iso={request.createdAt} prefix="requested" />
                </span>
              </p>
              <Button
                variant="secondary"
                size="sm"
                className="self-start sm:self-auto"
                isLoading={isWithdrawing}
                onClick={() => withdraw.mutate(request.id)}
              >
                {isWithdrawing ? null : <Undo2 aria-hidden className="size-4" />}
                Withdraw
                <span className="sr-only"> (request to join {request.groupName})</span>
              </Button>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}
