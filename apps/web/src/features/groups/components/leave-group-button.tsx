import type { Group } from '@loopquiz/contract'
import { LogOut } from 'lucide-react'
import { useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useLeaveGroup } from '../api/leave-group'

/** "Leave group" with a confirmation; not offered to the owner, who transfers ownership first. */
export function LeaveGroupButton({ group, onLeft }: { group: Group; onLeft: () => void }) {
  const leave = useLeaveGroup(group.id)
  const [isConfirming, setIsConfirming] = useState(false)

  return (
    <>
      <Button
        variant="ghost"
        className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
        onClick={() => setIsConfirming(true)}
      >
        <LogOut aria-hidden className="size-4" />
        Leave group
      </Button>
      <Dialog
        isOpen={isConfirming}
        onClose={() => {
          setIsConfirming(false)
          leave.reset()
        }}
        title={`Leave ${group.name}?`}
        description="You’ll no longer see its sessions or results. To come back you need the join link or a new invitation."
      >
        {leave.error ? <ErrorAlert error={leave.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Stay in the group
          </Button>
          <Button
            variant="danger"
            isLoading={leave.isPending}
            onClick={() => leave.mutate(undefined, { onSuccess: onLeft })}
          >
            Leave group
          </Button>
        </div>
      </Dialog>
    </>
  )
}
