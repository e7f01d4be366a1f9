import { passwordRules } from '@loopquiz/contract'
import { CircleCheck, KeyRound } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { TextField } from '../../../components/ui/text-field'
import { useChangePassword } from '../api/change-password'

interface PasswordErrors {
  currentPassword?: string
  newPassword?: string
  confirmation?: string
}

const empty = { currentPassword: '', newPassword: '', confirmation: '' }

function validate(values: typeof empty): PasswordErrors {
  const { minLength, maxLength } = passwordRules
  return {
    currentPassword: values.currentPassword ? undefined : 'Enter your current password.',
    newPassword:
      values.newPassword.length < minLength
        ? `Use at least ${minLength} characters.`
        : values.newPassword.length > maxLength
          ? `Use at most ${maxLength} characters.`
          : undefined,
    confirmation:
      values.confirmation === values.newPassword ? undefined : 'The two new passwords differ.',
  }
}

/** A hint that grows with the password: length first, then variety. */
function strengthHint(password: string): string {
  const { minLength } = passwordRules
  if (password.length < minLength) return `At least ${minLength} characters.`
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password))
  if (password.length >= 14 && kinds.length >= 2) return 'Strong: long and varied.'
  return 'Long enough. Longer, or a mix of words, digits and symbols, is stronger.'
}

/** Settings → Password: current, new and confirmation; optionally ends other devices' sessions. */
export function PasswordForm() {
  const change = useChangePassword()
  const [values, setValues] = useState(empty)
  const [errors, setErrors] = useState<PasswordErrors>({})
  const [signOutOthers, setSignOutOthers] = useState(true)
  const [signedOutOthers, setSignedOutOthers] = useState(false)

  function edit(changes: Partial<typeof empty>) {
    setValues((current) => ({ ...current, ...changes }))
    if (change.isSuccess) change.reset()
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = validate(values)
    setErrors(next)
    if (next.currentPassword || next.newPassword || next.confirmation) return
    change.mutate(
      {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        revokeOtherSessions: signOutOthers,
      },
      {
        onSuccess: () => {
          setSignedOutOthers(signOutOthers)
          setValues(empty)
        },
      },
    )
  }

  return (
    <Section id="password" title="Password" icon={KeyRound} description="Used to sign in by e-mail">
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <TextField
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => edit({ currentPassword: event.target.value })}
          error={errors.currentPassword}
          required
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="New password"
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(event) => edit({ newPassword: event.target.value })}
            error={errors.newPassword}
            hint={strengthHint(values.newPassword)}
            required
          />
          <TextField
            label="Repeat the new password"
            type="password"
            name="confirm-password"
            autoComplete="new-password"
            value={values.confirmation}
            onChange={(event) => edit({ confirmation: event.target.value })}
            error={errors.confirmation}
            required
          />
        </div>
        <label className="flex cursor-pointer items-start gap-3 rounded-xl bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          <input
            type="checkbox"
            checked={signOutOthers}
            onChange={(event) => setSignOutOthers(event.target.checked)}
            className="mt-0.5 size-4 accent-brand-600"
          />
          <span>
            <span className="font-semibold text-slate-900">Sign out of other devices</span>
            <span className="block text-slate-600">
              Other browsers and devices must sign in again with the new password. This browser
              stays signed in.
            </span>
          </span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isLoading={change.isPending}>
            Change password
          </Button>
          <span
            role="status"
            className="inline-flex items-center gap-1.5 text-sm font-semibold text-emerald-700"
          >
            {change.isSuccess ? (
              <>
                <CircleCheck aria-hidden className="size-4" />
                {signedOutOthers
                  ? 'Password changed; other devices are signed out.'
                  : 'Password changed.'}
              </>
            ) : null}
          </span>
        </div>
      </form>
    </Section>
  )
}
