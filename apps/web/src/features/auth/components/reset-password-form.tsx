import { passwordRules } from '@loopquiz/contract'
import { CircleCheck } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { buttonClassName } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/text-field'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { AuthRequestError } from '../../../lib/errors'
import { useResetPassword } from '../api/reset-password'
import { confirmationError, newPasswordError } from '../utils/credentials'
import { AuthForm } from './auth-form'
import { ExpiredResetLink } from './expired-reset-link'

interface ResetPasswordFormProps {
  /** From the mailed link. */
  token: string
}

interface ResetErrors {
  newPassword?: string
  confirmation?: string
}

function PasswordChanged() {
  // Focus (and so the screen reader) moves to the outcome that replaced the form.
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="flex flex-col items-start gap-4">
      <span className="grid size-11 place-items-center rounded-xl bg-emerald-50 text-emerald-700">
        <CircleCheck aria-hidden className="size-6" />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-bold text-slate-900 outline-none">
        Your password is changed
      </h2>
      <p className="text-slate-700">
        Every device that was signed in has been signed out, so only the new password opens your
        account.
      </p>
      <Link to="/login" className={buttonClassName({ size: 'lg', className: 'self-stretch' })}>
        Sign in with your new password
      </Link>
    </div>
  )
}

/** /reset-password?token=…: a new password, twice. */
export function ResetPasswordForm({ token }: ResetPasswordFormProps) {
  const reset = useResetPassword()
  const [newPassword, setNewPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [errors, setErrors] = useState<ResetErrors>({})

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = {
      newPassword: newPasswordError(newPassword),
      confirmation: confirmationError(newPassword, confirmation),
    }
    setErrors(next)
    if (next.newPassword || next.confirmation) return
    reset.mutate({ newPassword, token })
  }

  if (reset.isSuccess) return <PasswordChanged />
  // Used meanwhile (another tab) or expired while the page was open.
  if (reset.error instanceof AuthRequestError && reset.error.code === 'INVALID_TOKEN') {
    return <ExpiredResetLink isNews />
  }
  return (
    <AuthForm
      onSubmit={handleSubmit}
      error={reset.error}
      isSubmitting={reset.isPending}
      submitLabel="Set the new password"
    >
      <TextField
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        hint={`At least ${passwordRules.minLength} characters.`}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={errors.newPassword}
        required
      />
      <TextField
        label="Repeat the new password"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={errors.confirmation}
        required
      />
    </AuthForm>
  )
}
