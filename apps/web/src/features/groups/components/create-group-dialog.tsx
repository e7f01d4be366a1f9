import type { Group } from '@loopquiz/contract'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { browserTimeZone } from '../../../lib/zoned-time'
import { useCreateGroup } from '../api/create-group'
import {
  type GroupBasicsErrors,
  GroupBasicsFields,
  type GroupBasicsValues,
  toGroupBody,
  validateGroupBasics,
} from './group-basics-fields'

interface CreateGroupDialogProps {
  isOpen: boolean
  onClose: () => void
  onCreated: (group: Group) => void
}

function CreateGroupForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void
  onCreated: (group: Group) => void
}) {
  const create = useCreateGroup()
  const [values, setValues] = useState<GroupBasicsValues>(() => ({
    name: '',
    description: '',
    privacy: 'private',
    timezone: browserTimeZone(),
    tagsText: '',
  }))
  const [errors, setErrors] = useState<GroupBasicsErrors>({})

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = validateGroupBasics(values)
    setErrors(next)
    if (next.name || next.tags) return
    create.mutate(toGroupBody(values), { onSuccess: onCreated })
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <GroupBasicsFields values={values} errors={errors} onChange={setValues} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={create.isPending}>
          Create group
        </Button>
      </div>
    </form>
  )
}

/** "Create group": a modal form; the new group's owner is the one creating it. */
export function CreateGroupDialog({ isOpen, onClose, onCreated }: CreateGroupDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Create a group"
      description="A class, a study circle or a team. You’ll be its owner and can invite people next."
    >
      <CreateGroupForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  )
}
