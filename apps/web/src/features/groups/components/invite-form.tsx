import type { Group, Invitation } from '@loopquiz/contract'
import { MailPlus } from 'lucide-react'
import { type FormEvent, useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { RelativeTime } from '../../../components/ui/relative-time'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { useCreateInvitation } from '../api/create-invitation'

/** The link of a new invitation, to send by hand (no e-mail goes out yet). */
function InvitationLink({ invitation }: { invitation: Invitation }) {
  const inputId = useId()
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200"
    >
      <p className="text-sm font-semibold text-emerald-900">
        Invitation ready. Send this link to {invitation.email}
      </p>
      <label htmlFor={inputId} className="sr-only">
        Invitation link for {invitation.email}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={inputId}
          readOnly
          value={invitation.url}
          onFocus={(event) => event.target.select()}
          className="h-9 w-full min-w-0 flex-1 rounded-lg border border-emerald-200 bg-white px-3 font-mono text-xs text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <CopyButton text={invitation.url} label={`Copy link for ${invitation.email}`} />
      </div>
      <p className="text-xs text-emerald-800">
        It works once, for that email address, and{' '}
        <RelativeTime iso={invitation.expiresAt} prefix="expires" />.
      </p>
    </div>
  )
}

/** Invite someone by email; only the owner may invite straight in as an admin. */
export function InviteForm({ group }: { group: Group }) {
  const invite = useCreateInvitation(group.id)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<'admin' | 'member'>('member')
  const [emailError, setEmailError] = useState<string>()
  const mayInviteAdmins = group.myRole === 'owner'

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const address = email.trim()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setEmailError('Enter a valid email address.')
      return
    }
    setEmailError(undefined)
    invite.mutate({ email: address, role }, { onSuccess: () => setEmail('') })
  }

  return (
    <div className="flex flex-col gap-4">
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
        {invite.error ? <ErrorAlert error={invite.error} /> : null}
        <TextField
          label="Email"
          type="email"
          name="inviteEmail"
          autoComplete="off"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
          required
        />
        {mayInviteAdmins ? (
          <SelectField
            label="Role"
            name="inviteRole"
            value={role}
            onChange={(event) => setRole(event.target.value === 'admin' ? 'admin' : 'member')}
          >
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </SelectField>
        ) : (
          <p className="text-sm text-slate-600">They’ll join as a member.</p>
        )}
        <Button type="submit" isLoading={invite.isPending} className="self-start">
          {invite.isPending ? null : <MailPlus aria-hidden className="size-4" />}
          Create invitation
        </Button>
      </form>
      {invite.data ? <InvitationLink invitation={invite.data} /> : null}
    </div>
  )
}
