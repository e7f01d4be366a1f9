import type { Group } from '@loopquiz/contract'
import { Trash2 } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'
import { useDeleteGroup } from '../api/delete-group'

function ConfirmDelete({
  group,
  onCancel,
  onDeleted,
}: {
  group: Group
  onCancel: () => void
  onDeleted: () => void
}) {
  const remove = useDeleteGroup(group.id)
  const [typed, setTyped] = useState('')
  const isMatch = typed.trim() === group.name

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isMatch) remove.mutate(undefined, { onSuccess: onDeleted })
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <TextField
        label={`Type ${group.name} to confirm`}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={!isMatch} isLoading={remove.isPending}>
          Delete this group
        </Button>
      </div>
    </form>
  )
}

/** Deletes the group (owner) once its name is typed back, so it never happens by a slip. */
export function DeleteGroupForm({ group, onDeleted }: { group: Group; onDeleted: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false)
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <h3 className="font-bold text-slate-900">Delete group</h3>
        <p className="text-sm text-slate-600">
          Nobody can open the group or its sessions afterwards. This cannot be undone.
        </p>
      </div>
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        <Trash2 aria-hidden className="size-4" />
        Delete group
      </Button>
      <Dialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={`Delete ${group.name}?`}
        description="Members lose access at once; past sessions stay in their history but nobody can open the group."
      >
        <ConfirmDelete
          group={group}
          onCancel={() => setIsConfirming(false)}
          onDeleted={onDeleted}
        />
      </Dialog>
    </div>
  )
}
