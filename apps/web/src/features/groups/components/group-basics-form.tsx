import type { Group } from '@loopquiz/contract'
import { PencilLine } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SaveStatus } from '../../../components/ui/save-status'
import { Section } from '../../../components/ui/section'
import { useUpdateGroup } from '../api/update-group'
import {
  type GroupBasicsErrors,
  GroupBasicsFields,
  type GroupBasicsValues,
  toGroupBody,
  validateGroupBasics,
} from './group-basics-fields'

function valuesOf(group: Group): GroupBasicsValues {
  return {
    name: group.name,
    description: group.description,
    privacy: group.privacy,
    timezone: group.timezone,
    tagsText: group.tags.join(', '),
  }
}

/** Settings → basic info: name, description, privacy, time zone, tags. */
export function GroupBasicsForm({ group }: { group: Group }) {
  const update = useUpdateGroup(group.id)
  const [values, setValues] = useState(() => valuesOf(group))
  const [errors, setErrors] = useState<GroupBasicsErrors>({})

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = validateGroupBasics(values)
    setErrors(next)
    if (next.name || next.tags) return
    update.mutate(toGroupBody(values), { onSuccess: (saved) => setValues(valuesOf(saved)) })
  }

  return (
    <Section
      id="group-basics"
      title="Basic info"
      icon={PencilLine}
      description="How the group appears to its members"
    >
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <GroupBasicsFields
          values={values}
          errors={errors}
          onChange={(next) => {
            setValues(next)
            if (update.isSuccess) update.reset()
          }}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isLoading={update.isPending}>
            Save basic info
          </Button>
          <SaveStatus isSaved={update.isSuccess} />
        </div>
      </form>
    </Section>
  )
}
