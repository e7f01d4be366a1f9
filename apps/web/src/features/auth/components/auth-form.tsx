import type { FormEvent, ReactNode } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'

interface AuthFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  /** The server's answer to the last attempt, shown above the fields. */
  error: Error | null
  isSubmitting: boolean
  submitLabel: string
  children: ReactNode
}

/** Sign-in and sign-up forms: our own field errors replace the browser's validation bubbles. */
export function AuthForm({ onSubmit, error, isSubmitting, submitLabel, children }: AuthFormProps) {
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {error ? <ErrorAlert error={error} /> : null}
      {children}
      <Button type="submit" size="lg" isLoading={isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  )
}

interface EmailFieldProps {
  value: string
  onChange: (value: string) => void
  error?: string
}

export function EmailField({ value, onChange, error }: EmailFieldProps) {
  return (
    <TextField
      label="Email"
      type="email"
      name="email"
      autoComplete="email"
      inputMode="email"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      required
    />
  )
}
