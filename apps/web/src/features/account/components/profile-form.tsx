import { UserRound } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SaveStatus } from '../../../components/ui/save-status'
import { Section } from '../../../components/ui/section'
import { TextField } from '../../../components/ui/text-field'
import type { AuthUser } from '../../../lib/auth-client'
import { useUpdateName } from '../api/update-name'

const MAX_NAME_LENGTH = 100

/** Settings → Profile: the name others see; the e-mail shown, not editable. */
export function ProfileForm({ user }: { user: AuthUser }) {
  const update = useUpdateName()
  const [name, setName] = useState(user.name)
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmed = name.trim()
    const next = !trimmed
      ? 'Enter your name.'
      : trimmed.length > MAX_NAME_LENGTH
        ? `Use at most ${MAX_NAME_LENGTH} characters.`
        : undefined
    setError(next)
    if (!next) update.mutate(trimmed, { onSuccess: () => setName(trimmed) })
  }

  return (
    <Section
      id="profile"
      title="Profile"
      icon={UserRound}
      description="Your name is what group members and quiz authors see"
    >
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            if (update.isSuccess) update.reset()
          }}
          error={error}
          required
        />
        <TextField
          label="E-mail"
          type="email"
          value={user.email}
          readOnly
          hint="Your e-mail address can’t be changed here."
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isLoading={update.isPending}>
            Save name
          </Button>
          <SaveStatus isSaved={update.isSuccess} />
        </div>
      </form>
    </Section>
  )
}
