import type { Group } from '@loopquiz/contract'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SelectField } from '../../../components/ui/select-field'
import { useMembers } from '../api/find-members'
import { useTransferOwnership } from '../api/transfer-ownership'
import { roleLabels } from '../utils/labels'

/** Hands the group to another member, after a confirmation; the owner becomes an admin. */
export function TransferOwnershipForm({
  group,
  currentUserId,
}: {
  group: Group
  currentUserId: string
}) {
  const members = useMembers(group.id)
  const transfer = useTransferOwnership(group.id)
  const [userId, setUserId] = useState('')
  const [error, setError] = useState<string>()
  const [isConfirming, setIsConfirming] = useState(false)
  const candidates = (members.data?.items ?? []).filter((m) => m.userId !== currentUserId)
  const chosen = candidates.find((m) => m.userId === userId)

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!chosen) {
      setError('Choose the member who will own the group.')
      return
    }
    setError(undefined)
    setIsConfirming(true)
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-3">
      <div>
        <h3 className="font-bold text-slate-900">Transfer ownership</h3>
        <p className="text-sm text-slate-600">
          The new owner gets every permission, including deleting the group. You become an admin.
        </p>
      </div>
      {members.error ? <ErrorAlert error={members.error} /> : null}
      {members.isSuccess && candidates.length === 0 ? (
        <p className="text-sm text-slate-500">
          There is nobody to hand the group to yet. Invite someone first.
        </p>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <SelectField
            label="New owner"
            className="flex-1"
            value={userId}
            disabled={members.isPending}
            onChange={(event) => setUserId(event.target.value)}
            error={error}
          >
            <option value="">{members.isPending ? 'Loading members…' : 'Choose a member'}</option>
            {candidates.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({[roleLabels[member.role], member.email].filter(Boolean).join(', ')})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" className="sm:mt-7">
            Transfer ownership
          </Button>
        </div>
      )}
      <Dialog
        isOpen={isConfirming}
        onClose={() => {
          setIsConfirming(false)
          transfer.reset()
        }}
        title={`Make ${chosen?.name ?? 'this member'} the owner?`}
        description="You’ll become an admin and can no longer change roles, transfer ownership or delete the group."
      >
        {transfer.error ? <ErrorAlert error={transfer.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            isLoading={transfer.isPending}
            onClick={() =>
              transfer.mutate(userId, {
                onSuccess: () => {
                  setIsConfirming(false)
                  setUserId('')
                },
              })
            }
          >
            Make {chosen?.name ?? 'them'} the owner
          </Button>
        </div>
      </Dialog>
    </form>
  )
}
